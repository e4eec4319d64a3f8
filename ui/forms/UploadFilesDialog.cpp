#include "UploadFilesDialog.h"
#include "ui_UploadFilesDialog.h"

#include "AcceptedFiles.h"
#include "DeliverablesModel.h"
#include "Enums.h"
#include "Rules.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>

namespace onsite {
namespace {
const QStringList kKinds{QStringLiteral("sign_off"), QStringLiteral("photo"),
                         QStringLiteral("other")};
} // namespace

UploadFilesDialog::UploadFilesDialog(const Assignment &a, const QStringList &paths, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::UploadFilesDialog), m_assignment(a), m_paths(paths)
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Upload"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->files->setRowCount(int(paths.size()));
    m_ui->files->verticalHeader()->hide();
    m_ui->files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->files->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_ui->files->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    QHash<QString, int> taken; // requirement -> files already proposed for it
    for (int row = 0; row < paths.size(); ++row) {
        const QString path = paths.at(row);
        auto *name = new QTableWidgetItem(QFileInfo(path).fileName());
        name->setToolTip(path);
        name->setFlags(Qt::ItemIsEnabled);
        m_ui->files->setItem(row, 0, name);
        auto *kind = new QComboBox(m_ui->files);
        kind->setAccessibleName(tr("Type of %1").arg(QFileInfo(path).fileName()));
        for (const QString &k : kKinds)
            kind->addItem(DeliverablesModel::kindText(k), k);
        const QString suffix = QFileInfo(path).suffix().toLower();
        const QString guess = AcceptedFiles::isImage(path)     ? QStringLiteral("photo")
                              : suffix == QLatin1String("pdf") ? QStringLiteral("sign_off")
                                                               : QStringLiteral("other");
        kind->setCurrentIndex(int(kKinds.indexOf(guess)));
        m_ui->files->setCellWidget(row, 1, kind);
        auto *req = new QComboBox(m_ui->files);
        req->setAccessibleName(tr("Requirement for %1").arg(QFileInfo(path).fileName()));
        m_ui->files->setCellWidget(row, 2, req);
        fillRequirements(row);
        // Propose the first requirement of this kind that still needs files.
        for (int i = 0; i < req->count(); ++i) {
            const QString id = req->itemData(i).toString();
            for (const DeliverableRequirement &r : a.deliverableRequirements)
                if (r.id == id && Rules::deliverablesFor(a, id) + taken.value(id) < r.count) {
                    req->setCurrentIndex(i);
                    taken[id] += 1;
                    i = req->count();
                    break;
                }
        }
        connect(kind, &QComboBox::currentIndexChanged, this,
                [this, row] { fillRequirements(row); });
    }
}

UploadFilesDialog::~UploadFilesDialog() = default;

void UploadFilesDialog::fillRequirements(int row)
{
    QComboBox *req = requirementBox(row);
    const QString kind = kindBox(row)->currentData().toString();
    req->clear();
    for (const DeliverableRequirement &r : m_assignment.deliverableRequirements)
        if (toWire(r.kind) == kind)
            req->addItem(tr("%1 (%2 of %3)")
                             .arg(r.description)
                             .arg(Rules::deliverablesFor(m_assignment, r.id))
                             .arg(r.count),
                         r.id);
    req->addItem(tr("Not for a requirement"), QString());
}

int UploadFilesDialog::fileCount() const
{
    return int(m_paths.size());
}

QComboBox *UploadFilesDialog::kindBox(int row) const
{
    return qobject_cast<QComboBox *>(m_ui->files->cellWidget(row, 1));
}

QComboBox *UploadFilesDialog::requirementBox(int row) const
{
    return qobject_cast<QComboBox *>(m_ui->files->cellWidget(row, 2));
}

QList<FileChoice> UploadFilesDialog::choices() const
{
    QList<FileChoice> out;
    for (int row = 0; row < m_paths.size(); ++row)
        out.append({m_paths.at(row), kindBox(row)->currentData().toString(),
                    requirementBox(row)->currentData().toString()});
    return out;
}

} // namespace onsite
