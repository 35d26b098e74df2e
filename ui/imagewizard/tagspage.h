#pragma once

#include "common/draftpage.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace cmkui {

/// Name/value tags of the image version, checked as ARM checks them.
class TagsPage : public DraftPage {
    Q_OBJECT
public:
    explicit TagsPage(const WizardServices &services, QWidget *parent = nullptr);

    void initializePage() override;

protected:
    QStringList computeErrors() const override { return {}; }
    /// Every tag problem belongs to the table: they show right under it.
    QStringList computeFieldErrors() const override;
    void showFieldErrors(const QStringList &errors) override;
    void retranslateUi() override;

private:
    void rebuildTable();
    void readTable();

    bool m_syncing = false;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_tableErrors = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace cmkui
