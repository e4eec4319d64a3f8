#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "AppSettings.h"

#include <QDesktopServices>
#include <QDir>
#include <QUrl>

namespace onsite {

SettingsDialog::SettingsDialog(const QString &server, const QString &dataDir,
                               const QString &logFile, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::SettingsDialog)
{
    m_ui->setupUi(this);
    m_ui->server->setText(server.isEmpty() ? tr("Not signed in")
                                           : tr("%1 (sign out to change)").arg(server));
    m_ui->interval->setValue(AppSettings::syncIntervalSecs() / 60);
    m_ui->notifyLate->setChecked(AppSettings::notify(QStringLiteral("late")));
    m_ui->notifyReminders->setChecked(AppSettings::notify(QStringLiteral("reminders")));
    m_ui->notifyDecisions->setChecked(AppSettings::notify(QStringLiteral("decisions")));
    m_ui->notifyApprovals->setChecked(AppSettings::notify(QStringLiteral("approvals")));
    m_ui->dataDir->setText(QDir::toNativeSeparators(dataDir));
    m_ui->logFile->setText(logFile.isEmpty() ? tr("none") : QDir::toNativeSeparators(logFile));
    connect(m_ui->openFolder, &QPushButton::clicked, this,
            [dataDir] { QDesktopServices::openUrl(QUrl::fromLocalFile(dataDir)); });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    AppSettings::setSyncIntervalSecs(m_ui->interval->value() * 60);
    AppSettings::setNotify(QStringLiteral("late"), m_ui->notifyLate->isChecked());
    AppSettings::setNotify(QStringLiteral("reminders"), m_ui->notifyReminders->isChecked());
    AppSettings::setNotify(QStringLiteral("decisions"), m_ui->notifyDecisions->isChecked());
    AppSettings::setNotify(QStringLiteral("approvals"), m_ui->notifyApprovals->isChecked());
    Q_EMIT saved();
    QDialog::accept();
}

} // namespace onsite
