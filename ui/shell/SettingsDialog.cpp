#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "AppSettings.h"
#include "Language.h"
#include "Theme.h"

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
    m_ui->documentsLimit->setSpecialValueText(tr("Off"));
    m_ui->documentsLimit->setValue(AppSettings::documentsLimitMb());
    m_ui->documentsNote->setText(
        tr("The documents of upcoming and in-progress assignments, soonest first. Off: a "
           "document is downloaded only when you open it."));
    Theme::setTone(m_ui->documentsNote, Theme::Tone::Muted);
    m_ui->notifyLate->setChecked(AppSettings::notify(QStringLiteral("late")));
    m_ui->notifyReminders->setChecked(AppSettings::notify(QStringLiteral("reminders")));
    m_ui->notifyCheckout->setChecked(AppSettings::notify(QStringLiteral("checkout")));
    m_ui->notifyChanges->setChecked(AppSettings::notify(QStringLiteral("changes")));
    m_ui->notifyMessages->setChecked(AppSettings::notify(QStringLiteral("messages")));
    m_ui->notifyDecisions->setChecked(AppSettings::notify(QStringLiteral("decisions")));
    m_ui->notifyApprovals->setChecked(AppSettings::notify(QStringLiteral("approvals")));
    m_ui->language->addItem(
        tr("Same as the system (%1)")
            .arg(Language::nativeName(Language::resolve(QString(), QLocale::system()))),
        QString());
    const QStringList languages = Language::available();
    for (const QString &code : languages)
        m_ui->language->addItem(Language::nativeName(code), code);
    m_ui->language->setCurrentIndex(qMax(0, m_ui->language->findData(AppSettings::language())));
    m_ui->languageNote->setText(tr("A new language is used from the next start of Onsite."));
    Theme::setTone(m_ui->languageNote, Theme::Tone::Muted);
    m_ui->appearance->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_ui->appearance->addItem(tr("Light"), QStringLiteral("light"));
    m_ui->appearance->addItem(tr("Dark"), QStringLiteral("dark"));
    m_ui->appearance->setCurrentIndex(
        qMax(0, m_ui->appearance->findData(AppSettings::appearance())));
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
    AppSettings::setDocumentsLimitMb(m_ui->documentsLimit->value());
    AppSettings::setNotify(QStringLiteral("late"), m_ui->notifyLate->isChecked());
    AppSettings::setNotify(QStringLiteral("reminders"), m_ui->notifyReminders->isChecked());
    AppSettings::setNotify(QStringLiteral("checkout"), m_ui->notifyCheckout->isChecked());
    AppSettings::setNotify(QStringLiteral("changes"), m_ui->notifyChanges->isChecked());
    AppSettings::setNotify(QStringLiteral("messages"), m_ui->notifyMessages->isChecked());
    AppSettings::setNotify(QStringLiteral("decisions"), m_ui->notifyDecisions->isChecked());
    AppSettings::setNotify(QStringLiteral("approvals"), m_ui->notifyApprovals->isChecked());
    AppSettings::setLanguage(m_ui->language->currentData().toString());
    const QString appearance = m_ui->appearance->currentData().toString();
    if (appearance != AppSettings::appearance()) {
        AppSettings::setAppearance(appearance);
        Theme::apply(Theme::modeFromString(appearance));
    }
    Q_EMIT saved();
    QDialog::accept();
}

} // namespace onsite
