#pragma once

// Review mode: a second entry point next to the wizard, for support staff. Pick an image version by browsing
// subscription → gallery → image definition → version, or paste its resource ID; see how every disk is
// encrypted in every target region, the findings, and copy, save or export the result.

#include "review/review.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;

namespace cmk {
class ArmClient;
class ResourceInventory;
class ResourceListingBase;
template <typename T> class ResourceListing;
} // namespace cmk

namespace cmkui {

class FleetTab;

class ReviewWindow : public QWidget {
    Q_OBJECT
public:
    explicit ReviewWindow(cmk::ArmClient *client, QWidget *parent = nullptr);
    ~ReviewWindow() override;

    /// Reviews the version with this resource ID (what "Open" does with the pasted ID).
    void openVersion(const QString &versionId);
    /// Lists the subscriptions again (the browse row starts with them).
    void refreshSubscriptions();
    /// "Today" for the end-of-life check (tests pin it).
    void setToday(const QDate &today) { m_today = today; }
    /// How often the update wizard that "Edit replication…" opens asks for the replication status.
    void setReplicationPollIntervalMs(int ms) { m_replicationPollIntervalMs = ms; }

    bool hasReview() const { return m_hasReview; }
    const cmk::VersionReview &review() const { return m_reviewer->review(); }
    QString reportText() const;
    bool saveJson(const QString &path, QString *error) const;
    bool saveHtml(const QString &path, QString *error) const;
    bool savePdf(const QString &path, QString *error) const;
    /// What the Save buttons propose: review-DEFINITION-VERSION.SUFFIX of the version reviewed.
    QString suggestedFileName(const QString &suffix) const;

    QTableWidget *matrix() const { return m_matrix; }
    QListWidget *findings() const { return m_findings; }
    /// One item per set the version uses (its key's status), then one per finding of its key.
    QListWidget *keyHealth() const { return m_keyHealth; }
    QComboBox *versionCombo() const { return m_versionCombo; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *createVmButton() const { return m_createVmButton; }
    QPushButton *editReplicationButton() const { return m_editButton; }
    QTabWidget *tabs() const { return m_tabs; }
    FleetTab *fleetTab() const { return m_fleetTab; }

Q_SIGNALS:
    void reviewFinished();
    /// A browse list finished loading (tests wait on it).
    void listLoaded(const QString &which);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// (label, data) of one dropdown entry; the data is what the next list or the review needs.
    using ComboItem = QPair<QString, QString>;

    QPushButton *makeButton(const char *objectName);
    QLayout *buildPicker();
    QWidget *buildResultPanes();
    void buildActions(QVBoxLayout *layout);
    void connectPicker();
    void connectActions();
    void retranslateUi();
    void onReviewFinished();
    void showReview();
    void showKeyHealth();
    void clearReview();
    cmk::ResourceInventory inventory() const;
    /// Empties `combo` and fills it with what `listing` (taken over; null: nothing to list) delivers.
    template <typename T>
    void fillCombo(QComboBox *combo, const QString &which, cmk::ResourceListing<T> *listing,
                   const std::function<ComboItem(const T &)> &item);
    void fillCombo(QComboBox *combo, const QString &which, cmk::ResourceListingBase *listing,
                   const std::function<QList<ComboItem>()> &takeItems);
    void onSubscriptionChanged();
    void onGalleryChanged();
    void onImageChanged();
    void updateButtons();
    /// "Edit replication…": the image-version wizard in update mode on the reviewed version; reviews it
    /// again once the update succeeded.
    void editReplication();

    QPointer<cmk::ArmClient> m_client;
    cmk::VersionReviewer *m_reviewer = nullptr;
    QDate m_today;
    int m_replicationPollIntervalMs = 2000;
    bool m_hasReview = false;
    QMap<QComboBox *, QPointer<cmk::ResourceListingBase>> m_listings;

    QTabWidget *m_tabs = nullptr;
    FleetTab *m_fleetTab = nullptr;
    QLabel *m_browseLabel = nullptr;
    QComboBox *m_subscriptionCombo = nullptr;
    QComboBox *m_galleryCombo = nullptr;
    QComboBox *m_imageCombo = nullptr;
    QComboBox *m_versionCombo = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_status = nullptr;
    QTextBrowser *m_summary = nullptr;
    QLabel *m_matrixLabel = nullptr;
    QTableWidget *m_matrix = nullptr;
    QLabel *m_findingsLabel = nullptr;
    QListWidget *m_findings = nullptr;
    QLabel *m_keyHealthLabel = nullptr;
    QListWidget *m_keyHealth = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_saveJsonButton = nullptr;
    QPushButton *m_saveHtmlButton = nullptr;
    QPushButton *m_savePdfButton = nullptr;
    QToolButton *m_exportButton = nullptr;
    QPushButton *m_createVmButton = nullptr;
    QPushButton *m_editButton = nullptr;
};

/// Review mode as a top-level window (the GUI opens it with `--review` or from a menu). `versionId`, when
/// given, is reviewed at once.
QWidget *createReviewWindow(cmk::ArmClient *client, QWidget *parent = nullptr, const QString &versionId = {});
/// createReviewWindow(), deleted on close, shown at reviewWindowSize() (never the size of the window it was
/// opened from: a wizard's 940 pixels cut the region × disk matrix's third disk column).
QWidget *openReviewWindow(cmk::ArmClient *client, QWidget *parent = nullptr, const QString &versionId = {});
/// The review window's opening size: room for the matrix of a version with three disks, within `available`
/// (the screen's free area; empty: no limit).
QSize reviewWindowSize(const QSize &available = {});

} // namespace cmkui
