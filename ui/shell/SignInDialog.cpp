#include "SignInDialog.h"

#include "Theme.h"
#include "ui_SignInDialog.h"

#include <QPushButton>

namespace onsite {

SignInDialog::SignInDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::SignInDialog)
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_ui->errorLabel->hide();
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServer(const QString &url)
{
    m_ui->serverEdit->setText(url);
}
void SignInDialog::setEmail(const QString &email)
{
    m_ui->emailEdit->setText(email);
}
void SignInDialog::setPassword(const QString &password)
{
    m_ui->passwordEdit->setText(password);
}
QUrl SignInDialog::server() const
{
    return QUrl::fromUserInput(m_ui->serverEdit->text().trimmed());
}
QString SignInDialog::email() const
{
    return m_ui->emailEdit->text().trimmed();
}
QString SignInDialog::password() const
{
    return m_ui->passwordEdit->text();
}

void SignInDialog::setBusy(bool busy)
{
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy) {
        m_ui->errorLabel->setStyleSheet(QString());
        m_ui->errorLabel->setProperty("onsiteTone", QVariant());
        m_ui->errorLabel->setText(tr("Signing in…"));
        m_ui->errorLabel->show();
    }
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    Theme::setTone(m_ui->errorLabel, Theme::Tone::Error);
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void SignInDialog::submit()
{
    if (!server().isValid() || server().host().isEmpty()) {
        showError(tr("Enter the server's address, e.g. https://onsite.example.com"));
        return;
    }
    if (!email().contains(QLatin1Char('@')) || password().isEmpty()) {
        showError(tr("Enter your email address and password."));
        return;
    }
    setBusy(true);
    Q_EMIT signInRequested();
}

} // namespace onsite
