#include "cli/submitflow.h"

#include "draft/draftsubmitter.h"

namespace cmkapp {

void ProgressLines::update() {
    const QString line = m_line();
    if (line != m_last && !line.isEmpty())
        m_err << line << Qt::endl;
    m_last = line;
}

bool runSubmission(cmk::DraftSubmitter &submitter, const std::function<void()> &submit) {
    bool finished = false;
    const QMetaObject::Connection done =
        QObject::connect(&submitter, &cmk::DraftSubmitter::finished, [&finished] { finished = true; });
    submit();
    waitUntil([&] { return finished; });
    QObject::disconnect(done);
    return submitter.stage() == cmk::DraftSubmitter::Stage::Succeeded;
}

} // namespace cmkapp
