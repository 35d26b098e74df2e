#pragma once

// "Create VM from this version": a short wizard — Basics, Networking, Disks, Review + create — that creates
// a virtual machine from a gallery image version with a Disk Encryption Set on each of its disks. All pages
// edit one cmk::VmDraftModel; the Disks page reuses the image wizard's DiskEncryptionSetModel and its
// per-region / subscription / type filter, so a DES the VM cannot use is never offered.

#include "common/draftwizard.h"

namespace cmk {
class ArmClient;
class VmDraftModel;
class VmImageSource;
struct VmDraft;
} // namespace cmk

namespace cmkui {

class DiskEncryptionSetModel;
class ResourceListModel;
class VmBasicsPage;
class VmDisksPage;
class VmNetworkingPage;
class VmReviewPage;

/// What the VM wizard's pages share. Owned by CreateVmWizard.
struct VmWizardContext {
    cmk::ArmClient *client = nullptr;
    cmk::VmDraftModel *draft = nullptr;
    cmk::VmImageSource *image = nullptr;
    DiskEncryptionSetModel *diskEncryptionSets = nullptr; ///< of the VM's subscription
    ResourceListModel *sizes = nullptr;                   ///< VM sizes of the VM's region
};

class CreateVmWizard : public DraftWizard {
    Q_OBJECT
public:
    enum PageId { BasicsPageId = 0, NetworkingPageId = 10, DisksPageId = 20, ReviewPageId = 30 };

    /// Reads the image version (and its definition), then fills the draft's defaults: the version's first
    /// region, its Disk Encryption Sets there, a generalized or specialized admin section.
    CreateVmWizard(cmk::ArmClient *client, const QString &imageVersionId, QWidget *parent = nullptr);

    /// Where openCreateVmWizard() autosaves the draft for `imageVersionId`: a file per image version in
    /// the folder of the image wizard's autosave (DraftStore::defaultAutosavePath()).
    static QString defaultAutosavePath(const QString &imageVersionId);
    /// Autosaves the draft to `path` as the image wizard does (cmk::DraftStore, debounced, on close too),
    /// after restoring the draft that file holds when it is for the same image version. The file is
    /// removed once the virtual machine is created. The admin password is never written.
    void setAutosavePath(const QString &path);
    /// Whether setAutosavePath() restored a saved draft.
    bool restoredDraft() const { return m_restored; }

    cmk::VmDraftModel *draftModel() const { return m_context.draft; }
    cmk::VmImageSource *imageSource() const { return m_context.image; }
    DiskEncryptionSetModel *diskEncryptionSets() const { return m_context.diskEncryptionSets; }
    ResourceListModel *sizes() const { return m_context.sizes; }
    VmBasicsPage *basicsPage() const { return m_basics; }
    VmNetworkingPage *networkingPage() const;
    VmDisksPage *disksPage() const;
    VmReviewPage *reviewPage() const { return m_review; }

Q_SIGNALS:
    /// The image version and its definition were read (or could not be: see imageSource()->error()).
    void imageLoaded();
    void virtualMachineCreated(const QString &resourceId);

protected:
    void retranslateUi() override;
    QString discardText() const override;
    QString runningText() const override;

private:
    void onImageLoaded();
    void followDraft();
    void chooseDefaultSize();

    VmWizardContext m_context;
    // The pages the wizard talks to after building them; QWizard owns and finds the others by id.
    VmBasicsPage *m_basics = nullptr;
    VmReviewPage *m_review = nullptr;
    QString m_sizesRegion;    ///< region the size list was loaded for
    QString m_defaultsRegion; ///< region whose image DES were applied to the disks
    bool m_restored = false;
};

/// Opens the wizard for `imageVersionId` as a window of its own (deleted on close), with its draft
/// autosaved to CreateVmWizard::defaultAutosavePath(), and returns it.
CreateVmWizard *openCreateVmWizard(QWidget *parent, cmk::ArmClient *client, const QString &imageVersionId);

} // namespace cmkui
