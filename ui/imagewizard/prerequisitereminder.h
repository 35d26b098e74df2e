#pragma once

// What Review + create repeats of the Prerequisites page. The Prerequisites page lets the user go on while
// Azure still registers the preview feature, or with the feature check turned off; Azure then refuses the
// version only at Create. So the last page shows the state again, blocks Create while a registration is under
// way or missing, and says when the check is off for the subscription.

#include <QCoreApplication>
#include <QStringList>

namespace cmk {
class PrerequisiteChecker;
}

namespace cmkui {

class SummaryHtml;

class PrerequisiteReminder {
    Q_DECLARE_TR_FUNCTIONS(PrerequisiteReminder)
public:
    /// `checker` is the wizard's (owned by the Prerequisites page); null when the wizard has no such page.
    explicit PrerequisiteReminder(const cmk::PrerequisiteChecker *checker = nullptr) : m_checker(checker) {}

    /// Whether the checker reads `subscriptionId` (false: nothing to repeat yet).
    bool follows(const QString &subscriptionId) const;
    /// The "Prerequisites" section of the summary.
    void addTo(SummaryHtml &html, const QString &subscriptionId) const;
    /// Why Create must wait: an item still registering, not registered, or being unregistered. The preview
    /// feature counts only for a draft with customer-managed keys (platform keys never needed it).
    QStringList blockingErrors(const QString &subscriptionId, bool customerKey) const;
    /// Whether the user should be offered the way back: something is not ready or the check is off.
    bool worthRevisiting(const QString &subscriptionId) const;

private:
    const cmk::PrerequisiteChecker *m_checker;
};

} // namespace cmkui
