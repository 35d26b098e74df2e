#pragma once

// `cmkwizard --screenshots DIR`: drives the real wizard page by page, the way a user would, and saves a
// picture of every page (plus the dialogs met on the way and the review window) as DIR/<name>.png. With
// --sandbox the wizard starts from demoDraft(), against the embedded sandbox's demo data.

#include "imageversion/imageversiondraft.h"

#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace cmk {
class ArmClient;
}
namespace cmkui {
class CreateImageVersionWizard;
}

namespace cmkapp {

/// A complete draft over the embedded sandbox's demo data: snapshots with two data disks, two target regions,
/// customer-managed keys with the demo disk encryption sets, two tags.
cmk::ImageVersionDraft demoDraft();

/// The picture's file name (without .png) of a wizard page id: "basics", "prerequisites", "encryption"...
QString screenshotName(int pageId);

/// Waits, while events run, until the wizard's current page has loaded and is complete, or `timeoutMs`.
/// Returns whether it is complete.
bool settleWizardPage(cmkui::CreateImageVersionWizard &wizard, int timeoutMs = 15000);

/// Shows `wizard` (already holding its draft), walks from its start page to the last one and saves
/// DIR/<page>.png for each; on the Prerequisites page it also asks for the registration
/// (DIR/register-confirmation.png) so the wizard can go on. With `client`, then opens the review window on
/// `reviewVersionId` (when not empty) and saves DIR/review-window.png. Returns the files written, or an empty
/// list with `error` set.
QStringList takeScreenshots(cmkui::CreateImageVersionWizard &wizard, cmk::ArmClient *client,
                            const QString &reviewVersionId, const QString &dir, QString *error);

/// Called with each window or dialog just before its picture is taken (tests read what it shows).
using PictureObserver = std::function<void(QWidget *window, const QString &name)>;
void setPictureObserver(PictureObserver observer);

/// The demo image version the review window shows in the screenshots.
QString demoReviewVersionId();

} // namespace cmkapp
