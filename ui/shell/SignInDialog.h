#pragma once

#include <QDialog>
#include <QScopedPointer>
#include <QUrl>

namespace Ui {
class SignInDialog;
}

namespace onsite {

// Server URL, email and password. The dialog stays open while signing in so a refusal can be
// shown beside the fields; the controller closes it on success.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setServer(const QString &url);
    void setEmail(const QString &email);
    void setPassword(const QString &password);
    QUrl server() const;
    QString email() const;
    QString password() const;
    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void signInRequested();

private:
    void submit();

    QScopedPointer<Ui::SignInDialog> m_ui;
};

} // namespace onsite
