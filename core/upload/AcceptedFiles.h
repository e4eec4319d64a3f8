#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace onsite {

struct FileVerdict {
    bool ok = true;
    QString code; // format_not_accepted, content_mismatch, empty, too_large, bad_name, folder,
                  // unreadable
    QString message;
};

// A file on disk as checked before it is queued: the verdict, and what the queue records.
struct FileCheck {
    FileVerdict verdict;
    qint64 size = 0;
    qint64 mtimeMs = 0;
};

// Which files may become deliverables (DESIGN §1.6): the extension must be on the list and the
// content must be what the extension says, judged from the first bytes by our own signature
// table rather than the platform's MIME database, so the app on every OS and the server give
// the same answer. Called by the app before anything is queued and by the server on the first
// chunk.
class AcceptedFiles
{
    Q_DECLARE_TR_FUNCTIONS(AcceptedFiles)
public:
    static constexpr int kSniffBytes = 4096; // how much of the file the content check reads

    static const QStringList &extensions();
    static QString dialogFilter(); // for QFileDialog: "Accepted files (*.bmp *.gif ...)"

    static FileVerdict checkName(const QString &fileName);
    // `head`: the first kSniffBytes of the file (all of it when shorter).
    static FileVerdict checkContent(const QString &fileName, const QByteArray &head);
    static FileVerdict check(const QString &fileName, const QByteArray &head, qint64 size,
                             qint64 maxSize);
    // The file at `path` read and checked as check() does (folders and unreadable files are
    // refused too); reads at most kSniffBytes, so a form may call it when a file is chosen.
    // maxSize 0: no size limit known yet.
    static FileCheck checkFile(const QString &path, qint64 maxSize);
    static bool isImage(const QString &fileName);

    // The worker's file name as metadata: the last path component, no control characters, at
    // most 200 characters; empty when nothing usable is left.
    static QString sanitizedName(const QString &name);
};

} // namespace onsite
