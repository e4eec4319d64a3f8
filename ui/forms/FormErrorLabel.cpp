#include "FormErrorLabel.h"

#include "Theme.h"

namespace onsite {

FormErrorLabel::FormErrorLabel(QWidget *parent) : QLabel(parent)
{
    Theme::setTone(this, Theme::Tone::Error);
    setWordWrap(true);
    hide();
}

void FormErrorLabel::showMessage(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

QString FormErrorLabel::message() const
{
    return isVisibleTo(window()) ? text() : QString();
}

} // namespace onsite
