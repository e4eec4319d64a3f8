#include "ActivityDialog.h"

#include "OperationDescription.h"
#include "SiteTime.h"
#include "Theme.h"
#include "ui_ActivityDialog.h"

#include <QHeaderView>
#include <QLocale>

namespace onsite {

ActivityDialog::ActivityDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::ActivityDialog)
{
    m_ui->setupUi(this);
    m_ui->table->setColumnCount(4);
    m_ui->table->setHorizontalHeaderLabels(
        {tr("Made"), tr("Assignment"), tr("Change"), tr("State")});
    // The state (a server's reason can be long) takes the room left and wraps, rows grow to
    // fit it; the other columns fit their text. Nothing is cut off or pushed out of sight.
    QHeaderView *header = m_ui->table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Interactive);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->setSectionResizeMode(2, QHeaderView::Interactive);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
    header->resizeSection(1, 200);
    m_ui->table->setWordWrap(true);
    m_ui->table->setTextElideMode(Qt::ElideNone);
    m_ui->table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setAccessibleName(tr("Changes not yet accepted by the server"));
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->dismissButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->table->currentRow();
        if (row >= 0 && row < m_entries.size() &&
            m_entries.at(row).state == OutboxEntry::State::Rejected)
            Q_EMIT dismissRequested(m_entries.at(row).op.opId);
    });
    connect(m_ui->table, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_ui->dismissButton->setEnabled(row >= 0 && row < m_entries.size() &&
                                        m_entries.at(row).state == OutboxEntry::State::Rejected);
    });
    m_ui->dismissButton->setEnabled(false);
}

ActivityDialog::~ActivityDialog() = default;

void ActivityDialog::setEntries(const QList<OutboxEntry> &entries,
                                const QHash<qint64, QString> &titles, const QStringList &changes)
{
    m_entries = entries;
    m_titles = titles;
    m_changes = changes;
    fill();
}

void ActivityDialog::setUploads(const QList<UploadItem> &uploads,
                                const QHash<qint64, QString> &titles)
{
    m_uploads.clear();
    for (const UploadItem &u : uploads)
        if (u.state != UploadItem::State::Done)
            m_uploads.append(u);
    m_uploadTitles = titles;
    fill();
}

void ActivityDialog::setUploadProgress(const QString &uploadId, qint64 sent)
{
    for (int i = 0; i < m_uploads.size(); ++i) {
        if (m_uploads.at(i).id != uploadId)
            continue;
        m_uploads[i].offset = sent;
        const int row = int(m_entries.size()) + i;
        if (auto *item = m_ui->table->item(row, 2)) {
            const QString text = OperationDescription::describeUpload(m_uploads.at(i), sent);
            item->setText(text);
            item->setToolTip(text);
            fitColumns();
        }
    }
}

void ActivityDialog::setRow(int row, const QStringList &cells, bool error)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c)); // the whole text, whatever the column's width
        m_ui->table->setItem(row, c, item);
    }
    if (error)
        m_ui->table->item(row, 3)->setForeground(Theme::color(Theme::Tone::Error));
}

void ActivityDialog::fitColumns()
{
    // When and what: as wide as their text plus some air, never cut short; the state wraps.
    QHeaderView *header = m_ui->table->horizontalHeader();
    for (int c : {0, 2}) {
        m_ui->table->resizeColumnToContents(c);
        header->resizeSection(c, header->sectionSize(c) +
                                     m_ui->table->fontMetrics().averageCharWidth() * 2);
    }
    m_ui->table->resizeRowsToContents();
}

void ActivityDialog::fill()
{
    m_ui->table->setRowCount(int(m_entries.size() + m_uploads.size()));
    int refused = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        const OutboxEntry &e = m_entries.at(i);
        QString state;
        if (e.state == OutboxEntry::State::Rejected) {
            ++refused;
            state = tr("Needs attention — refused by the server: %1").arg(e.lastError);
        } else if (e.attempts > 0) {
            state = tr("Waiting to send (failed attempts: %1; last: %2)")
                        .arg(e.attempts)
                        .arg(e.lastError);
        } else {
            state = tr("Waiting to send");
        }
        const QString title =
            m_titles.value(e.op.assignmentId, QStringLiteral("#%1").arg(e.op.assignmentId));
        const QString change =
            i < m_changes.size() ? m_changes.at(i) : OperationDescription::describe(e.op, nullptr);
        setRow(i, {SiteTime::formatLocal(e.op.createdAt), title, change, state},
               e.state == OutboxEntry::State::Rejected);
    }
    for (int i = 0; i < m_uploads.size(); ++i) {
        const UploadItem &u = m_uploads.at(i);
        QString state;
        if (u.state == UploadItem::State::Failed)
            state = tr("Stopped: %1 (retry it on the assignment's page)").arg(u.error);
        else if (u.state == UploadItem::State::Changed)
            state = tr("The file changed since it was added: choose what to send on the "
                       "assignment's page");
        else
            state = tr("Waiting to send");
        const QString title =
            m_uploadTitles.value(u.assignmentId, QStringLiteral("#%1").arg(u.assignmentId));
        setRow(int(m_entries.size()) + i,
               {SiteTime::formatLocal(u.createdAt), title, OperationDescription::describeUpload(u),
                state},
               u.state == UploadItem::State::Failed || u.state == UploadItem::State::Changed);
    }
    fitColumns();
    const int waiting = int(m_entries.size()) - refused;
    const int files = int(m_uploads.size());
    m_ui->summary->setText(
        m_entries.isEmpty() && m_uploads.isEmpty()
            ? tr("Every change you made has been accepted by the server.")
            : tr("Waiting to be sent: %1 · Refused, needing attention: %2 · Files on their "
                 "way: %3")
                  .arg(waiting)
                  .arg(refused)
                  .arg(files));
}

int ActivityDialog::rowCount() const
{
    return m_ui->table->rowCount();
}

QString ActivityDialog::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < m_ui->table->columnCount(); ++c)
        if (auto *item = m_ui->table->item(row, c))
            cells << item->text();
    return cells.join(QStringLiteral(" | "));
}

void ActivityDialog::selectRow(int row)
{
    m_ui->table->setCurrentCell(row, 0);
}

} // namespace onsite
