#include "DeliverablesPanel.h"

#include "Clock.h"
#include "DeliverablesModel.h"
#include "Enums.h"
#include "FitToContents.h"
#include "MessageBox.h"
#include "Rules.h"
#include "SiteTime.h"
#include "Theme.h"
#include "TransferDelegate.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace onsite {
namespace {

constexpr int kThumb = 40;

QString plural(DeliverableKind k)
{
    switch (k) {
    case DeliverableKind::SignOff:
        return DeliverablesPanel::tr("Sign-off sheets");
    case DeliverableKind::Photo:
        return DeliverablesPanel::tr("Photos");
    case DeliverableKind::Other:
        return DeliverablesPanel::tr("Other files");
    }
    return {};
}

} // namespace

DeliverablesPanel::DeliverablesPanel(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_instructions(new QLabel(this)), m_due(new QLabel(this)),
      m_requirements(new QLabel(this)), m_upload(new QPushButton(tr("&Upload Files…"), this)),
      m_model(new DeliverablesModel(this)), m_view(new QTableView(this)),
      m_open(new QPushButton(tr("Open"), this)),
      m_cancel(new QPushButton(tr("Cancel upload"), this)),
      m_retry(new QPushButton(tr("Retry"), this)),
      m_newVersion(new QPushButton(tr("Send new version"), this)),
      m_remove(new QPushButton(tr("Remove…"), this)), m_refusedBox(new QFrame(this)),
      m_refusedTitle(new QLabel(m_refusedBox)), m_refusedList(new QVBoxLayout)
{
    m_thumbPool.setMaxThreadCount(1);
    m_instructions->setWordWrap(true);
    m_instructions->setTextFormat(Qt::RichText);
    m_requirements->setTextFormat(Qt::RichText);
    m_requirements->setAccessibleName(tr("Deliverable requirements"));
    m_upload->setAccessibleName(tr("Upload files"));
    m_upload->setToolTip(tr("Or drop files anywhere on this page"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Deliverable files"));
    m_view->setItemDelegateForColumn(DeliverablesModel::Progress, new TransferDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setIconSize(QSize(kThumb, kThumb));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(kThumb + 6);
    // Whole file names, wrapped: "IMG_2041.jpg" and "IMG_2047.jpg" differ at the end.
    m_view->setWordWrap(true);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(DeliverablesModel::File, QHeaderView::Stretch);
    header->setSectionResizeMode(DeliverablesModel::For, QHeaderView::Interactive);
    header->setSectionResizeMode(DeliverablesModel::Progress, QHeaderView::Interactive);
    header->setSectionResizeMode(DeliverablesModel::Size, QHeaderView::ResizeToContents);
    header->resizeSection(DeliverablesModel::For, 150);
    header->resizeSection(DeliverablesModel::Progress, 170);
    FitToContents::apply(m_view, 2);

    connect(m_upload, &QPushButton::clicked, this, &DeliverablesPanel::uploadFilesClicked);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeliverablesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DeliverablesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DeliverablesPanel::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this, &DeliverablesPanel::openSelected);
    connect(m_open, &QPushButton::clicked, this, &DeliverablesPanel::openSelected);
    connect(m_remove, &QPushButton::clicked, this, &DeliverablesPanel::removeSelected);
    auto selectedId = [this] {
        const auto *r = m_model->rowAt(selectedRow());
        return r ? r->id : QString();
    };
    connect(m_cancel, &QPushButton::clicked, this,
            [this, selectedId] { Q_EMIT cancelRequested(selectedId()); });
    connect(m_retry, &QPushButton::clicked, this,
            [this, selectedId] { Q_EMIT retryRequested(selectedId()); });
    connect(m_newVersion, &QPushButton::clicked, this,
            [this, selectedId] { Q_EMIT useNewVersionRequested(selectedId()); });

    auto *title = new QHBoxLayout;
    title->addWidget(new QLabel(tr("<b>Deliverables</b>"), this));
    title->addWidget(m_due, 1);
    title->addWidget(m_upload);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_open, m_cancel, m_retry, m_newVersion, m_remove})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(title);
    layout->addWidget(m_instructions);
    layout->addWidget(m_requirements);
    layout->addWidget(m_refusedBox);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    updateButtons();
    setUpRefusedBox();
}

// Refused files, beside the list they did not make it into.
void DeliverablesPanel::setUpRefusedBox()
{
    auto *refusedFrame = static_cast<QFrame *>(m_refusedBox);
    refusedFrame->setFrameShape(QFrame::StyledPanel);
    refusedFrame->setAccessibleName(tr("Files not uploaded"));
    auto *dismissAll = new QPushButton(tr("Dismiss all"), m_refusedBox);
    dismissAll->setObjectName(QStringLiteral("dismissAllRefused"));
    dismissAll->setAccessibleName(tr("Dismiss all refused files"));
    connect(dismissAll, &QPushButton::clicked, this, &DeliverablesPanel::dismissAllRefused);
    m_refusedTitle->setWordWrap(true);
    auto *refusedHead = new QHBoxLayout;
    refusedHead->addWidget(m_refusedTitle, 1);
    refusedHead->addWidget(dismissAll);
    auto *refusedLayout = new QVBoxLayout(m_refusedBox);
    refusedLayout->addLayout(refusedHead);
    refusedLayout->addLayout(m_refusedList);
    m_refusedBox->hide();
}

void DeliverablesPanel::addRefused(qint64 assignmentId, const QString &fileName,
                                   const QString &reason)
{
    m_refused[assignmentId].append({fileName, reason});
    if (assignmentId == m_assignmentId)
        showRefused();
}

QStringList DeliverablesPanel::refusedTexts() const
{
    QStringList out;
    for (const Refused &r : m_refused.value(m_assignmentId))
        out << tr("%1: %2").arg(r.name, r.reason);
    return out;
}

void DeliverablesPanel::dismissRefused(int index)
{
    QList<Refused> &list = m_refused[m_assignmentId];
    if (index >= 0 && index < list.size())
        list.removeAt(index);
    showRefused();
}

void DeliverablesPanel::dismissAllRefused()
{
    m_refused.remove(m_assignmentId);
    showRefused();
}

void DeliverablesPanel::showRefused()
{
    while (QLayoutItem *item = m_refusedList->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *cell = row->takeAt(0)) {
                // Later: the clicked Dismiss button is still inside its clicked() signal.
                cell->widget()->hide();
                cell->widget()->deleteLater();
                delete cell;
            }
        }
        delete item;
    }
    const QList<Refused> list = m_refused.value(m_assignmentId);
    m_refusedTitle->setText(
        QStringLiteral("<b style='color:%1'>%2</b>")
            .arg(Theme::colorName(Theme::Tone::Error),
                 tr("%n file(s) not uploaded:", nullptr, int(list.size())).toHtmlEscaped()));
    for (int i = 0; i < list.size(); ++i) {
        auto *row = new QHBoxLayout;
        auto *text = new QLabel(m_refusedBox);
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        text->setText(QStringLiteral("<b>%1</b> — %2")
                          .arg(list.at(i).name.toHtmlEscaped(), list.at(i).reason.toHtmlEscaped()));
        text->setAccessibleName(tr("%1: %2").arg(list.at(i).name, list.at(i).reason));
        auto *dismiss = new QPushButton(tr("Dismiss"), m_refusedBox);
        dismiss->setAccessibleName(tr("Dismiss %1").arg(list.at(i).name));
        connect(dismiss, &QPushButton::clicked, this, [this, i] { dismissRefused(i); });
        row->addWidget(text, 1);
        row->addWidget(dismiss, 0, Qt::AlignTop);
        m_refusedList->addLayout(row);
    }
    m_refusedBox->setVisible(!list.isEmpty());
}

DeliverablesPanel::~DeliverablesPanel()
{
    m_thumbPool.clear();
    m_thumbPool.waitForDone();
}

void DeliverablesPanel::setContent(const Assignment &a, const QList<UploadItem> &uploads)
{
    const QDateTime now = m_clock->now();
    m_active = Rules::isActive(a);
    if (a.id != m_assignmentId) {
        m_assignmentId = a.id;
        showRefused();
    }
    QString instructions;
    if (!a.instructions.isEmpty())
        instructions += tr("<b>Instructions:</b> %1").arg(a.instructions.toHtmlEscaped());
    if (!a.specialInstructions.isEmpty())
        instructions += QStringLiteral("<br><span style='color:%1'>%2</span>")
                            .arg(Theme::colorName(Theme::Tone::Error),
                                 tr("<b>Special instructions:</b> %1")
                                     .arg(a.specialInstructions.toHtmlEscaped()));
    m_instructions->setText(instructions);
    m_instructions->setVisible(!instructions.isEmpty());

    if (!a.deliverablesDueAt.isValid())
        m_due->setText(tr("no due date"));
    else
        m_due->setText(
            QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(Theme::colorName(Rules::areDeliverablesLate(a, now) ? Theme::Tone::Error
                                                                         : Theme::Tone::Muted),
                     tr("due %1 (%2)")
                         .arg(SiteTime::format(a.deliverablesDueAt, a.site.timeZone),
                              SiteTime::relative(a.deliverablesDueAt, now))
                         .toHtmlEscaped()));

    m_reqTexts.clear();
    m_reqColors.clear();
    QString html;
    for (const DeliverableRequirement &r : a.deliverableRequirements) {
        const int have = Rules::deliverablesFor(a, r.id);
        const bool met = have >= r.count;
        const QString text =
            tr("%1 %2 %3 of %4 — %5")
                .arg(met ? QStringLiteral("✔") : QStringLiteral("✘"), plural(r.kind))
                .arg(have)
                .arg(r.count)
                .arg(r.description);
        const QString color = Theme::colorName(met ? Theme::Tone::Success : Theme::Tone::Error);
        m_reqTexts << text;
        m_reqColors << color;
        html += QStringLiteral("<div style='color:%1'>%2</div>").arg(color, text.toHtmlEscaped());
    }
    if (a.deliverableRequirements.isEmpty())
        html = tr("No files are required for this assignment.");
    m_requirements->setText(html);

    const QString selected =
        m_model->rowAt(selectedRow()) ? m_model->rowAt(selectedRow())->id : QString();
    m_model->setContent(a, uploads);
    if (!selected.isEmpty() && m_model->rowOf(selected) >= 0)
        m_view->selectRow(m_model->rowOf(selected));
    m_upload->setEnabled(m_active);
    loadThumbnails();
    updateButtons();
}

void DeliverablesPanel::setProgress(const QString &id, qint64 sent, qint64 total, bool hashing)
{
    m_model->setProgress(id, sent, total, hashing);
}

void DeliverablesPanel::setCachedFile(const QString &deliverableId, const QString &path)
{
    m_model->setCachedFile(deliverableId, path);
    loadThumbnails();
    updateButtons();
}

QStringList DeliverablesPanel::requirementTexts() const
{
    return m_reqTexts;
}

QStringList DeliverablesPanel::requirementColors() const
{
    return m_reqColors;
}

QString DeliverablesPanel::dueText() const
{
    return m_due->text();
}

int DeliverablesPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void DeliverablesPanel::updateButtons()
{
    using S = DeliverablesModel::RowState;
    const auto *r = m_model->rowAt(selectedRow());
    m_open->setEnabled(r && (r->state == S::Uploaded || QFileInfo::exists(r->localPath)));
    m_cancel->setVisible(r && r->state != S::Uploaded);
    m_retry->setVisible(r && r->state == S::Failed);
    m_newVersion->setVisible(r && r->state == S::Changed);
    m_remove->setVisible(r && r->state == S::Uploaded);
    m_remove->setEnabled(m_active);
}

void DeliverablesPanel::loadThumbnails()
{
    for (const QString &path : m_model->imagePaths()) {
        QPointer<DeliverablesPanel> self(this);
        auto *watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
            const QImage img = watcher->result();
            watcher->deleteLater();
            if (!img.isNull())
                m_model->setThumbnail(path, QIcon(QPixmap::fromImage(img)));
        });
        watcher->setFuture(QtConcurrent::run(&m_thumbPool, [path] {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            const QSize size = reader.size();
            if (size.isValid())
                reader.setScaledSize(size.scaled(kThumb * 2, kThumb * 2, Qt::KeepAspectRatio));
            return reader.read();
        }));
    }
}

void DeliverablesPanel::openSelected()
{
    const auto *r = m_model->rowAt(selectedRow());
    if (!r)
        return;
    if (QFileInfo::exists(r->localPath))
        QDesktopServices::openUrl(QUrl::fromLocalFile(r->localPath));
    else if (!r->deliverableId.isEmpty())
        Q_EMIT openRequested(r->deliverableId, r->filename);
}

void DeliverablesPanel::removeSelected()
{
    const auto *r = m_model->rowAt(selectedRow());
    if (!r)
        return;
    if (MessageBox::question(this, tr("Remove file"),
                             tr("Remove \"%1\" from the deliverables? The client company will no "
                                "longer see it.")
                                 .arg(r->filename),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;
    Q_EMIT removeRequested(r->deliverableId, r->id);
}

} // namespace onsite
