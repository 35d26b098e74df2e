#pragma once

// How the health of a Disk Encryption Set's key (models/keyvault/deshealth.h) looks in the windows: an icon
// per status, a tooltip with the findings and their fixes, the text of the app's fix buttons, and the rows
// the summaries and reports show.

#include "keyvault/deshealth.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>
#include <QStyledItemDelegate>

namespace cmkui {

class DesHealthView {
    Q_DECLARE_TR_FUNCTIONS(DesHealthView)
public:
    /// "ok", "warning", "error", "unknown" (statusName()), "checking" while the check runs, empty without a
    /// set.
    static QString statusKey(const cmk::DesHealth *health, bool checking);
    /// The icon of a status key (none for an empty key).
    static QIcon icon(const QString &statusKey);
    /// Rich text: the set's status, then each finding with its severity and its fix (the az command).
    static QString tooltip(const cmk::DesHealth &health);
    /// What the status column of a summary says: the translated status, or that the check runs.
    static QString statusText(const cmk::DesHealth *health, bool checking);
    /// The label of the button that runs `action` ("Grant key access"...).
    static QString fixButtonText(cmk::DesFixAction action);
    /// Object-name prefix of that button: grantKeyAccessButton, enablePurgeProtectionButton.
    static QString fixButtonName(cmk::DesFixAction action);
};

/// The items of a Disk Encryption Set dropdown's open list, each with the icon of its key's health
/// (DiskEncryptionSetModel::HealthStatusRole) once it is known.
class DesHealthItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cmkui
