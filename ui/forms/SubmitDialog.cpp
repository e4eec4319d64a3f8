#include "SubmitDialog.h"
#include "ui_SubmitDialog.h"

#include "OperationApplier.h"
#include "Rules.h"
#include "Theme.h"

#include <QPushButton>

namespace onsite {

SubmitDialog::SubmitDialog(const Assignment &a, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::SubmitDialog), m_assignment(a),
      m_warnings(Rules::submitWarnings(a))
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Submit for approval"));
    m_ui->intro->setText(tr("#%1 %2 — %3. After submitting, the assignment can no longer be "
                            "changed; %3 approves it, then pays.")
                             .arg(a.id)
                             .arg(a.title, a.company.name));
    m_ui->notes->setPlainText(a.resolution);
    QString html;
    for (const QString &w : std::as_const(m_warnings))
        html += QStringLiteral("<li>%1</li>").arg(w.toHtmlEscaped());
    m_ui->warnings->setText(html.isEmpty() ? QString()
                                           : QStringLiteral("<b style='color:%1'>%2</b><ul>%3</ul>")
                                                 .arg(Theme::colorName(Theme::Tone::Warning),
                                                      tr("Before you submit:"), html));
    m_ui->warnings->setVisible(!html.isEmpty());
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SubmitDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SubmitDialog::~SubmitDialog() = default;

void SubmitDialog::setNotes(const QString &text)
{
    m_ui->notes->setPlainText(text);
}

QString SubmitDialog::notes() const
{
    return m_ui->notes->toPlainText().trimmed();
}

QString SubmitDialog::errorText() const
{
    return m_ui->error->message();
}

void SubmitDialog::accept()
{
    // The same rule the server applies, with these notes: nothing is sent that it would refuse.
    const QList<ChecklistEntry> missing = Rules::submitBlockers(m_assignment, notes());
    QString error;
    if (notes().size() > OperationApplier::kMaxTextLength)
        error =
            tr("The notes are longer than %1 characters.").arg(OperationApplier::kMaxTextLength);
    for (const ChecklistEntry &e : missing)
        error += (error.isEmpty() ? tr("Still to do: ") : QStringLiteral(", ")) + e.title;
    if (!error.isEmpty()) {
        m_ui->error->showMessage(error);
        return;
    }
    QDialog::accept();
}

} // namespace onsite
