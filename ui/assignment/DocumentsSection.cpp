#include "DocumentsSection.h"

#include "DocumentsModel.h"
#include "FitToContents.h"
#include "Theme.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

namespace onsite {

DocumentsSection::DocumentsSection(QWidget *page)
    : QObject(page), m_title(new QLabel(page)), m_model(new DocumentsModel(this)),
      m_view(new QTableView(page)), m_open(new QPushButton(tr("Op&en document"), page)),
      m_note(new QLabel(page))
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Documents from the client company"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Tab leaves the table (arrows move in it), as in a list.
    m_view->setTabKeyNavigation(false);
    // The name gives way (elided in the middle, in full on hovering) so the offline state
    // always shows.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DocumentsModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false);
    FitToContents::apply(m_view);
    m_open->setToolTip(tr("Opens the document in this computer's viewer for its type"));
    m_note->setWordWrap(true);
    Theme::setTone(m_note, Theme::Tone::Muted);
    connect(m_open, &QPushButton::clicked, this, &DocumentsSection::openCurrent);
    connect(m_view, &QAbstractItemView::activated, this, &DocumentsSection::openCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DocumentsSection::updateButton);
}

void DocumentsSection::addTo(QBoxLayout *column) const
{
    column->addWidget(m_title);
    column->addWidget(m_view);
    auto *row = new QHBoxLayout;
    row->addWidget(m_note, 1);
    row->addWidget(m_open, 0, Qt::AlignTop);
    column->addLayout(row);
}

QString DocumentsSection::titleText() const
{
    return m_title->text();
}

void DocumentsSection::show(const Assignment &a)
{
    const bool same =
        m_documents.size() == a.documents.size() &&
        std::equal(m_documents.begin(), m_documents.end(), a.documents.begin(),
                   [](const ClientDocument &x, const ClientDocument &y) { return x.id == y.id; });
    m_documents = a.documents;
    if (!same) {
        m_model->setDocuments(a.documents, a.site.timeZone);
        if (!a.documents.isEmpty())
            m_view->setCurrentIndex(m_model->index(0, DocumentsModel::Name));
    }
    for (const ClientDocument &d : a.documents)
        refresh(d.id);
    const bool any = !a.documents.isEmpty();
    m_title->setText(tr("<b>Documents from %1</b>").arg(a.company.name.toHtmlEscaped()));
    const bool kept =
        a.status == AssignmentStatus::Assigned || a.status == AssignmentStatus::InProgress;
    m_note->setText(kept ? tr("Documents of upcoming and in-progress assignments are kept on "
                              "this computer after each sync (up to the space set in Settings), "
                              "so they open without a signal on site.")
                         : tr("This work is no longer upcoming or in progress, so its documents "
                              "are not kept on this computer; opening one fetches it."));
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_view),
                       static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_note)})
        w->setVisible(any);
    updateButton();
}

void DocumentsSection::setStatusSource(StatusOf source)
{
    m_statusOf = std::move(source);
    for (const ClientDocument &d : std::as_const(m_documents))
        refresh(d.id);
}

void DocumentsSection::refresh(const QString &documentId)
{
    const ClientDocument *d = m_model->documentAt(m_model->rowOf(documentId));
    if (d && m_statusOf)
        m_model->setStatus(documentId, m_statusOf(*d));
}

void DocumentsSection::updateButton()
{
    m_open->setEnabled(m_view->currentIndex().isValid());
}

void DocumentsSection::openCurrent()
{
    if (const ClientDocument *d = m_model->documentAt(m_view->currentIndex().row()))
        Q_EMIT openRequested(*d);
}

} // namespace onsite
