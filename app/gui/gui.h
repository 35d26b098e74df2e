#pragma once

// Pieces of the GUI entry point (runGui) that tests drive in-process.

#include <QString>

class QWidget;

namespace cmk {
class AuthSession;
}

namespace cmkapp {

class AppContext;

/// The sign-in the window's account bar shows: none when a token is handed over in CMKWIZARD_ACCESS_TOKEN
/// or with --sandbox (the embedded sandbox needs no sign-in).
cmk::AuthSession *accountSession(const AppContext &context);

/// Review mode as `cmkwizard --review [ID]` opens it: a top-level window (deleted on close) browsing the
/// context's subscriptions, reviewing `versionId` at once when given.
QWidget *openReviewMode(AppContext &context, const QString &versionId);

} // namespace cmkapp
