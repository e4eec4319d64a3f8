#pragma once

#include <QPointer>
#include <Qt>

namespace onsite {

// Shows a window-modal form, replacing (and deleting) the one `slot` held, so a second click
// never stacks two copies; the form deletes itself when closed.
template <typename D> D *presentModal(QPointer<D> &slot, D *dialog)
{
    if (slot)
        slot->deleteLater();
    slot = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace onsite
