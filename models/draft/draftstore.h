#pragma once

// Autosave and resume of the wizard's draft. Every change is written (debounced) to a JSON file with
// QSaveFile, so a crash leaves either the previous or the new complete file, never half of one.

#include "imageversion/imageversiondraft.h"
#include "vm/vmdraft.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace cmk {

class DraftStore : public QObject {
    Q_OBJECT
public:
    explicit DraftStore(QObject *parent = nullptr);
    ~DraftStore() override;

    /// Where the GUI autosaves when no --draft file is given: $CMKWIZARD_AUTOSAVE_PATH when set, else
    /// <AppDataLocation>/autosave-draft.json.
    static QString defaultAutosavePath();

    static bool load(const QString &path, ImageVersionDraft *out, QString *error);
    static bool save(const QString &path, const ImageVersionDraft &draft, QString *error);
    /// A saved draft worth offering to resume: the file exists and holds a draft with at least one choice
    /// made.
    static bool hasResumableDraft(const QString &path);

    void setPath(const QString &path);
    QString path() const { return m_path; }
    /// Saves `model` `debounceMs` after its last change (and on destruction when a save is pending).
    void attach(ImageVersionDraftModel *model, int debounceMs = 400);
    /// The same for the VM wizard's draft (saved without the admin password, as VmDraft::toJson does).
    void attach(VmDraftModel *model, int debounceMs = 400);
    bool saveNow(QString *error = nullptr);
    /// Removes the file (after the image version was created, the draft is done).
    void discard();
    QDateTime lastSaved() const { return m_lastSaved; }

Q_SIGNALS:
    void saved();
    void saveFailed(const QString &reason);

private:
    template <typename Model> void attachModel(Model *model, int debounceMs);
    static bool saveJson(const QString &path, const nlohmann::json &json, QString *error);

    QString m_path;
    QPointer<QObject> m_model;
    std::function<nlohmann::json()> m_serialize; ///< the attached model's draft as JSON
    QTimer m_debounce;
    QDateTime m_lastSaved;
    bool m_discarded = false;
};

} // namespace cmk
