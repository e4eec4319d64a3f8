#pragma once

#include <QLabel>

namespace onsite {

// The line under a form that says why it was not accepted: in the error tone of the current
// appearance, wrapped, hidden until there is something to say. Used from .ui files.
class FormErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FormErrorLabel(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    // What the worker sees, or empty while hidden.
    QString message() const;
};

} // namespace onsite
