#pragma once

// The one draft a wizard edits, whatever it drafts (an image version, a virtual machine). Pages change it
// through modify(); listeners (autosave, other pages) follow changed(). replaced() means the whole draft was
// swapped (resume), so views reload every field.

#include <QObject>
#include <nlohmann/json.hpp>

namespace cmk {

/// The signals and the file form of a draft model; DraftStore saves any of them through this.
class DraftModelBase : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// The draft as its file holds it (without secrets).
    virtual nlohmann::json draftJson() const = 0;

Q_SIGNALS:
    void changed();
    void replaced();
};

/// `Draft` is a value type with operator== and toJson().
template <typename Draft> class DraftModel : public DraftModelBase {
public:
    using DraftModelBase::DraftModelBase;

    const Draft &draft() const { return m_draft; }
    void setDraft(const Draft &draft) {
        m_draft = draft;
        Q_EMIT replaced();
        Q_EMIT changed();
    }
    template <typename Fn> void modify(Fn &&fn) {
        Draft before = m_draft;
        fn(m_draft);
        if (before != m_draft)
            Q_EMIT changed();
    }
    nlohmann::json draftJson() const override { return m_draft.toJson(); }

private:
    Draft m_draft;
};

} // namespace cmk
