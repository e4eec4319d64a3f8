#include "WindowAudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QToolButton>

namespace onsite::test {

namespace {

QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

bool shown(const QWidget *w, const QWidget *window)
{
    return w->isVisibleTo(window) && w->isEnabled();
}

QString describe(const QWidget *w, const QString &text)
{
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()),
             text.isEmpty() ? w->objectName() : text);
}

void clashesIn(const QMap<QChar, QStringList> &byKey, const QString &scope, QStringList *out)
{
    for (auto it = byKey.begin(); it != byKey.end(); ++it)
        if (it.value().size() > 1)
            out->append(QStringLiteral("%1: Alt+%2 is claimed by %3")
                            .arg(scope, it.key().toUpper(), it.value().join(QStringLiteral(", "))));
}

void menuClashes(QMenu *menu, QStringList *out)
{
    QMap<QChar, QStringList> byKey;
    const QList<QAction *> actions = menu->actions();
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QChar k = mnemonic(a->text());
        if (!k.isNull())
            byKey[k].append(a->text());
        if (a->menu())
            menuClashes(a->menu(), out);
    }
    clashesIn(byKey, QStringLiteral("menu \"%1\"").arg(menu->title()), out);
}

bool isControl(const QWidget *w)
{
    if (qobject_cast<const QHeaderView *>(w))
        return false; // part of its view, which takes the focus
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w);
}

} // namespace

QStringList WindowAudit::mnemonicClashes(QWidget *window)
{
    QStringList out;
    QMap<QChar, QStringList> byKey;
    const auto add = [&](const QWidget *w, const QString &text) {
        const QChar k = mnemonic(text);
        if (!k.isNull())
            byKey[k].append(describe(w, text));
    };
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!shown(w, window))
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b, b->text());
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            add(l, l->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w); g && g->isCheckable())
            add(g, g->title());
        else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            const QList<QAction *> actions = bar->actions();
            for (QAction *a : actions) {
                add(bar, a->text());
                if (a->menu())
                    menuClashes(a->menu(), &out);
            }
        }
        if (auto *tool = qobject_cast<QToolButton *>(w); tool && tool->menu())
            menuClashes(tool->menu(), &out);
    }
    clashesIn(byKey, window->windowTitle(), &out);
    return out;
}

QStringList WindowAudit::unnamedControls(QWidget *window)
{
    QStringList out;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!shown(w, window) || !isControl(w) || w->focusPolicy() == Qt::NoFocus ||
            (w->parentWidget() && isControl(w->parentWidget())))
            continue; // the editor inside a spin box speaks through the spin box
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            out << describe(w, QString());
    }
    return out;
}

QStringList WindowAudit::unreachableControls(QWidget *window)
{
    QStringList out;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!shown(w, window))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w)) {
            if (l->text().contains(QLatin1String("<a ")) &&
                !(l->textInteractionFlags() & Qt::LinksAccessibleByKeyboard))
                out << describe(l, l->text().left(40)) + QStringLiteral(": links not reachable");
            continue;
        }
        if (!isControl(w) || (w->focusPolicy() & Qt::TabFocus))
            continue;
        const auto *b = qobject_cast<const QAbstractButton *>(w);
        if (b && (!mnemonic(b->text()).isNull() || !b->shortcut().isEmpty()))
            continue;
        // Tool bar buttons stay out of the Tab order (as in every desktop app) when their
        // action has a shortcut.
        const auto *tool = qobject_cast<const QToolButton *>(w);
        if (tool && tool->defaultAction() && !tool->defaultAction()->shortcut().isEmpty())
            continue;
        out << describe(w, b ? b->text() : QString());
    }
    return out;
}

} // namespace onsite::test
