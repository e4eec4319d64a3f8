#pragma once

#include "Earnings.h"
#include "Scorecard.h"

#include <QDateTime>
#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class ScorecardDialog;
}

namespace onsite {

class EarningsModel;

// The worker's scorecard (from the server, the last copy kept for offline use) and earnings by
// month (from the local cache).
class ScorecardDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ScorecardDialog(QWidget *parent = nullptr);
    ~ScorecardDialog() override;

    // fresh: just fetched; otherwise the copy from `at`, shown with why it may be old.
    void setScorecard(const Scorecard &s, const QDateTime &at, const QString &problem);
    void setEarnings(const QList<EarningsPeriod> &periods);
    QString scorecardText() const;
    QString totalsText() const;
    EarningsModel *earnings() const { return m_model; }

private:
    QScopedPointer<Ui::ScorecardDialog> m_ui;
    EarningsModel *m_model;
};

} // namespace onsite
