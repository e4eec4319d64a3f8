#include "ChecklistSection.h"

#include "AssignmentDetails.h"
#include "FitToContents.h"
#include "Rules.h"
#include "SiteLinks.h"
#include "Theme.h"

#include <QClipboard>
#include <QCursor>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTextBrowser>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

namespace onsite {

ChecklistSection::ChecklistSection(QWidget *page)
    : QObject(page), m_page(page), m_submit(new QPushButton(tr("Su&bmit for approval…"), page)),
      m_missing(new QLabel(page)), m_labels(new QLabel(page)), m_checklist(new QListWidget(page)),
      m_details(new QTextBrowser(page))
{
    m_submit->setAccessibleName(tr("Submit for approval"));
    connect(m_submit, &QPushButton::clicked, this, &ChecklistSection::submitClicked);
    m_missing->setWordWrap(true);
    m_missing->setTextFormat(Qt::RichText);
    m_missing->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_missing, &QLabel::linkActivated, this, &ChecklistSection::goToRequested);
    auto follow = [this](QListWidgetItem *item) {
        Q_EMIT goToRequested(item->data(Qt::UserRole).toString());
    };
    connect(m_checklist, &QListWidget::itemClicked, this, follow);
    connect(m_checklist, &QListWidget::itemActivated, this, follow);
    m_checklist->setToolTip(tr("Click an item to go where it is done"));
    m_details->setOpenLinks(false);
    m_details->setAccessibleName(tr("Assignment details"));
    connect(m_details, &QTextBrowser::anchorClicked, this, &ChecklistSection::followLink);
    m_labels->setTextFormat(Qt::RichText);
    m_checklist->setAccessibleName(tr("Checklist"));
    m_details->setOpenExternalLinks(false);
}

QWidget *ChecklistSection::checklistBox(QWidget *parent) const
{
    auto *box = new QWidget(parent);
    // As tall as its title and list: room the column has over goes below its sections.
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("&Checklist — click an item to do it"), box);
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBuddy(m_checklist);
    layout->addWidget(title);
    layout->addWidget(m_checklist);
    FitToContents::apply(m_checklist);
    return box;
}

void ChecklistSection::followLink(const QUrl &url)
{
    if (url.toString() == QLatin1String("onsite:increase")) {
        Q_EMIT increaseClicked();
        return;
    }
    QString copied;
    if (const QString text = SiteLinks::copyText(url, m_shown, &copied); !text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
        QToolTip::showText(QCursor::pos(), copied, m_details);
        return;
    }
    // Out of the app: the maps, the phone program, the mail program. Where the computer has
    // none for the link, the worker gets the text to use elsewhere and is told so.
    QUrl target = url;
    QString fallback;
    QString why;
    if (url.toString() == QLatin1String("onsite:directions")) {
        target = SiteLinks::directionsUrl(m_shown.site);
        fallback = SiteLinks::addressText(m_shown.site);
        why = tr("No program on this computer opens maps or web pages; the address is copied "
                 "instead.");
    } else if (url.scheme() == QLatin1String("tel")) {
        fallback = m_shown.contact.phone;
        why = tr("No program on this computer places calls; the number is copied instead.");
    } else if (url.scheme() == QLatin1String("mailto")) {
        fallback = m_shown.contact.email;
        why = tr("No mail program is set up on this computer; the address is copied instead.");
    } else {
        return;
    }
    if (QDesktopServices::openUrl(target))
        return;
    QGuiApplication::clipboard()->setText(fallback);
    Q_EMIT errorRaised(why);
}

void ChecklistSection::show(const Assignment &a, const QDateTime &now)
{
    m_shown = a;
    QString chips;
    for (const Label &l : Rules::labels(a, now))
        chips += QStringLiteral("<span "
                                "style='background:#c62828;color:white;'>&nbsp;%1&nbsp;</span> ")
                     .arg(l.text.toHtmlEscaped());
    m_labels->setText(chips);
    m_labels->setVisible(!chips.isEmpty());
    showChecklist(a);
    m_details->setHtml(AssignmentDetails::html(a));
    showMissing(a);
}

void ChecklistSection::showChecklist(const Assignment &a)
{
    m_checklist->clear();
    const ChecklistProgress p = Rules::checklist(a);
    for (const ChecklistEntry &e : p.entries) {
        // An optional item not done is not a failure: no red cross, no "To do".
        const QString state = e.done ? tr("Done") : e.required ? tr("To do") : tr("Not done");
        const QString text = e.required ? tr("%1 — %2").arg(e.title, state)
                                        : tr("%1 (optional) — %2").arg(e.title, state);
        const QStyle::StandardPixmap icon = e.done       ? QStyle::SP_DialogApplyButton
                                            : e.required ? QStyle::SP_DialogCancelButton
                                                         : QStyle::SP_FileDialogInfoView;
        auto *item = new QListWidgetItem(m_page->style()->standardIcon(icon), text, m_checklist);
        item->setData(Qt::UserRole, e.key);
        item->setForeground(Theme::color(e.done       ? Theme::Tone::Success
                                         : e.required ? Theme::Tone::Error
                                                      : Theme::Tone::Muted));
    }
}

// Submit, enabled only when nothing required is missing, and the missing items
// as links.
void ChecklistSection::showMissing(const Assignment &a)
{
    const bool active = Rules::isActive(a);
    m_submit->setVisible(active);
    const QList<ChecklistEntry> missing = Rules::submitBlockersBesideNotes(a);
    m_submit->setEnabled(missing.isEmpty());
    QStringList links;
    for (const ChecklistEntry &e : missing)
        links << QStringLiteral("<a href='%1'>%2</a>")
                     .arg(e.key.toHtmlEscaped(), e.title.toHtmlEscaped());
    m_missing->setText(links.isEmpty()
                           ? QString()
                           : tr("Before submitting: %1").arg(links.join(QStringLiteral(", "))));
    m_missing->setVisible(active && !links.isEmpty());
}

QString ChecklistSection::missingText() const
{
    return m_missing->isVisibleTo(m_page) ? m_missing->text() : QString();
}

QStringList ChecklistSection::checklistTexts() const
{
    QStringList out;
    for (int i = 0; i < m_checklist->count(); ++i)
        out << m_checklist->item(i)->text();
    return out;
}

QString ChecklistSection::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace onsite
