#include "imagewizard/tagspage.h"

#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionvalidation.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

TagsPage::TagsPage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent) {
    setObjectName(QStringLiteral("tagsPage"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    layout->addWidget(m_intro);
    m_table = new QTableWidget(0, 2, this);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_table->setObjectName(QStringLiteral("tagsTable"));
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    m_tableErrors = makeFieldErrorLabel(this, "tagErrorLabel");
    layout->addWidget(m_tableErrors);
    auto *buttons = new QHBoxLayout;
    m_addButton = new QPushButton(this);
    m_addButton->setObjectName(QStringLiteral("addTagButton"));
    m_removeButton = new QPushButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeTagButton"));
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    addStatusWidgets(layout);
    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_removeButton);

    connect(m_table, &QTableWidget::itemChanged, this, [this] { readTable(); });
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this] { m_removeButton->setEnabled(m_table->currentRow() >= 0); });
    connect(m_addButton, &QPushButton::clicked, this, [this] {
        draftModel()->modify([](ImageVersionDraft &d) { d.tags.append(TagDraft{}); });
        rebuildTable();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->setFocus();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
        revalidate();
    });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= draftModel()->draft().tags.size())
            return;
        draftModel()->modify([row](ImageVersionDraft &d) { d.tags.removeAt(row); });
        rebuildTable();
        revalidate();
    });
    connect(draftModel(), &ImageVersionDraftModel::replaced, this, [this] {
        rebuildTable();
        revalidate();
    });
    retranslateUi();
    rebuildTable();
}

void TagsPage::retranslateUi() {
    DraftPage::retranslateUi();
    setTitle(tr("Tags"));
    setSubTitle(tr("Optional name/value pairs that help you find and bill the image version."));
    m_intro->setText(
        tr("Tag names have at most %1 characters and cannot contain < > % & \\ ? /. Values have at "
           "most %2 characters.")
            .arg(ImageVersionValidation::maxTagNameLength)
            .arg(ImageVersionValidation::maxTagValueLength));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->setAccessibleName(tr("Tags"));
    m_addButton->setText(tr("&Add tag"));
    m_addButton->setAccessibleName(tr("Add tag"));
    m_removeButton->setText(tr("&Remove tag"));
    m_removeButton->setAccessibleName(tr("Remove tag"));
}

void TagsPage::initializePage() {
    rebuildTable();
    revalidate();
}

void TagsPage::rebuildTable() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const QList<TagDraft> &tags = draftModel()->draft().tags;
    m_table->setRowCount(int(tags.size()));
    for (int row = 0; row < tags.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(tags.at(row).name));
        m_table->setItem(row, 1, new QTableWidgetItem(tags.at(row).value));
    }
    m_removeButton->setEnabled(m_table->currentRow() >= 0);
}

void TagsPage::readTable() {
    if (m_syncing)
        return;
    QList<TagDraft> tags;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        tags.append({name ? name->text().trimmed() : QString(), value ? value->text() : QString()});
    }
    draftModel()->modify([&](ImageVersionDraft &d) { d.tags = tags; });
    revalidate();
}

QStringList TagsPage::computeFieldErrors() const {
    return ImageVersionValidation::tagErrors(draftModel()->draft());
}

void TagsPage::showFieldErrors(const QStringList &errors) {
    showErrorLines(m_tableErrors, errors);
}

} // namespace cmkui
