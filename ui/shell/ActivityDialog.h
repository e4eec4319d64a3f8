#pragma once

#include "OutboxEntry.h"
#include "UploadItem.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class ActivityDialog;
}

namespace onsite {

// Every change not yet acknowledged by the server, named as the worker would name it ("Checked
// out 17:38"): waiting (with failed attempts and why), or refused with the server's reason
// ("Needs attention") until the worker dismisses it; then the files still on their way.
class ActivityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ActivityDialog(QWidget *parent = nullptr);
    ~ActivityDialog() override;
    // `changes`: what each entry did (OperationDescription::describeAll); described without
    // the assignment when left empty.
    void setEntries(const QList<OutboxEntry> &entries, const QHash<qint64, QString> &titles,
                    const QStringList &changes = {});
    // Files queued or travelling (done ones are left out), after the changes.
    void setUploads(const QList<UploadItem> &uploads, const QHash<qint64, QString> &titles);
    void setUploadProgress(const QString &uploadId, qint64 sent);
    int rowCount() const;
    QString rowText(int row) const;
    void selectRow(int row);

Q_SIGNALS:
    void dismissRequested(const QString &opId);

private:
    void fill();
    void fitColumns();
    void setRow(int row, const QStringList &cells, bool error);
    QScopedPointer<Ui::ActivityDialog> m_ui;
    QList<OutboxEntry> m_entries;
    QStringList m_changes;
    QHash<qint64, QString> m_titles;
    QList<UploadItem> m_uploads;
    QHash<qint64, QString> m_uploadTitles;
};

} // namespace onsite
