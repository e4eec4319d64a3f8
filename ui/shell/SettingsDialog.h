#pragma once

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class SettingsDialog;
}

namespace onsite {

// Sync interval, the disk kept for offline documents, language and appearance, which notifications
// to show, where the data and the log live. Changes are saved (AppSettings) when the dialog is
// accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QString &server, const QString &dataDir, const QString &logFile,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

Q_SIGNALS:
    void saved();

private:
    QScopedPointer<Ui::SettingsDialog> m_ui;
};

} // namespace onsite
