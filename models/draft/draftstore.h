#pragma once

// Autosave and resume of the wizard's draft. Every change is written (debounced) to a JSON file with
// QSaveFile, so a crash leaves either the previous or the new complete file, never half of one.

#include "draft/draftmodel.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

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
    /// Saves `model` `debounceMs` after its last change (and on destruction when a save is pending), as
    /// DraftModelBase::draftJson() gives it (a VM draft without the admin password).
    void attach(DraftModelBase *model, int debounceMs = 400);
    bool saveNow(QString *error = nullptr);
    /// Removes the file (after the image version was created, the draft is done).
    void discard();
    QDateTime lastSaved() const { return m_lastSaved; }

Q_SIGNALS:
    void saved();
    void saveFailed(const QString &reason);

private:
    static bool saveJson(const QString &path, const nlohmann::json &json, QString *error);

    QString m_path;
    QPointer<DraftModelBase> m_model;
    QTimer m_debounce;
    QDateTime m_lastSaved;
    bool m_discarded = false;
};

} // namespace cmk
