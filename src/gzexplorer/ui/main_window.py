"""The main window: the layout of the themes sidebar, the chart area with its figure
cards and the document's passages, and the wiring between them.

What is shown lives in :class:`~gzexplorer.ui.state.ViewState`; the widgets render
it and send it what the user does; :class:`~gzexplorer.ui.linking.Linker` says what
to highlight. Menus are :mod:`~gzexplorer.ui.actions`, message boxes
:mod:`~gzexplorer.ui.dialogs`, opening a pack :mod:`~gzexplorer.ui.pack_opener`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QLocale, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gzexplorer import charts
from gzexplorer.charts import OVERVIEW
from gzexplorer.paths import resources_dir
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.ui import i18n
from gzexplorer.ui.actions import WindowActions
from gzexplorer.ui.appearance import SCHEMES, apply_scheme, system_prefers_dark
from gzexplorer.ui.delegates import FigureCardDelegate, ThemeDelegate, escape_html
from gzexplorer.ui.dialogs import Dialogs
from gzexplorer.ui.excerpt_panel import ExcerptPanel
from gzexplorer.ui.item_models import FigureListModel, IdRole, ViewListModel
from gzexplorer.ui.linking import Highlights, Linker
from gzexplorer.ui.pack_opener import PackOpener
from gzexplorer.ui.settings import Settings
from gzexplorer.ui.state import Selection, ViewState

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec, Mark
    from gzexplorer.model import DataPackError, Dataset
    from gzexplorer.model.preview import PackPreview
    from gzexplorer.ui.chart_panel import ChartPanel


def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path if path.is_file() else resources_dir() / "icons" / "theme.svg"))


class MainWindow(QMainWindow):
    def __init__(self, dataset: Dataset | PackPreview, settings: QSettings | None = None) -> None:
        """Show ``dataset``. Given a PackPreview, the window paints its shell (sidebar,
        passages) at once and charts arrive with :meth:`set_dataset`."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.state = ViewState(dataset, self)
        self.linker = Linker(self.state)
        self.settings = Settings(settings or QSettings())
        self.dialogs = Dialogs(self)
        self.packs = PackOpener(self, self.settings, self.dialogs)
        self._tags: tuple[tuple, dict[str, str]] = ((), {})
        # language and colours first: every widget below is created in them
        self._language = i18n.apply(self._wanted_language())
        self._scheme = self.settings.get("ui/scheme", str, "system")
        if self._scheme not in SCHEMES:
            self._scheme = "system"
        self._desktop_dark = system_prefers_dark()  # then as Qt reports changes
        self._dark = apply_scheme(self._scheme, self._desktop_dark)
        self.setWindowIcon(icon("gzexplorer"))

        # sidebar
        self.view_model = ViewListModel(self)
        self.theme_list = QListView(objectName="themeList")
        self.theme_list.setModel(self.view_model)
        self.theme_list.setItemDelegate(ThemeDelegate(self.theme_list))
        self.theme_list.setIconSize(QSize(22, 22))
        self.theme_list.setMouseTracking(True)  # rows light up under the mouse
        self.theme_list.setSpacing(1)
        self.theme_list.setAccessibleName(self.tr("Themes"))
        self.theme_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.theme_list.selectionModel().currentChanged.connect(
            lambda cur, _prev: cur.isValid() and self.state.set_view(cur.data(IdRole))
        )
        self.sidebar_title = WrappedLabel(objectName="sidebarTitle")
        sidebar = QWidget(objectName="sidebar")
        sb = QVBoxLayout(sidebar)
        sb.setContentsMargins(8, 10, 4, 8)
        sb.setSpacing(8)
        sb.addWidget(self.sidebar_title)
        sb.addWidget(self.theme_list, 1)

        # centre: charts (attached once the full dataset is there) + cards
        self.chart_panel: ChartPanel | None = None
        self.loading = QLabel(self.tr("Loading charts…"), objectName="chartsLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_stack = QStackedWidget(objectName="chartStack")
        self.chart_stack.addWidget(self.loading)

        self.figure_model = FigureListModel(self)
        self.cards = QListView(objectName="figureCards")
        self.cards.setModel(self.figure_model)
        self.cards.setItemDelegate(FigureCardDelegate(self.cards))
        self.cards.setFlow(QListView.Flow.LeftToRight)
        self.cards.setWrapping(False)
        self.cards.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.cards.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.setFixedHeight(FigureCardDelegate.SIZE.height() + 22)
        self.cards.setAccessibleName(self.tr("Figures of this theme"))
        self.cards.selectionModel().currentChanged.connect(
            lambda cur, _prev: cur.isValid() and self.select_figure(cur.data(IdRole))
        )
        self.cards_empty = QLabel(objectName="figureCardsEmpty")
        self.cards_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards_empty.setFixedHeight(self.cards.height())

        centre = QWidget(objectName="centre")
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.chart_stack, 1)
        cl.addWidget(self.cards)
        cl.addWidget(self.cards_empty)

        # excerpts
        self.excerpts = ExcerptPanel()
        self.excerpts.excerptSelected.connect(self.select_excerpt)
        self.excerpts.searchChanged.connect(self.state.set_search)

        self.splitter = QSplitter(objectName="mainSplitter")  # side by side
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.excerpts)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        sidebar.setMinimumWidth(150)
        self.excerpts.setMinimumWidth(260)
        self.splitter.setSizes([190, 760, 380])
        self.setCentralWidget(self.splitter)

        self.pack_label = QLabel(objectName="packLabel")
        self.statusBar().addPermanentWidget(self.pack_label)
        self.setAcceptDrops(True)
        self.actions = WindowActions(self)

        self.state.viewChanged.connect(self._show_state_view)
        self.state.searchChanged.connect(self._show_search)
        self.linker.highlightsChanged.connect(self._show_highlights)
        self.packs.opened.connect(self._opened)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.follow_system_scheme)
        self.set_dataset(dataset)
        self._restore_settings()

    # -- the pack ---------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset | PackPreview:
        return self.state.dataset

    @property
    def canvas(self):
        """The chart canvas on screen (None until the data is loaded)."""
        return self.chart_panel.canvas if self.chart_panel is not None else None

    def is_ready(self) -> bool:
        """True once the full dataset (not only a preview) is shown."""
        return self.chart_panel is not None and self.dataset.complete

    def _attach_charts(self) -> None:
        from gzexplorer.ui.chart_panel import ChartPanel

        panel = ChartPanel(dark=self._dark)
        self.chart_panel = panel
        panel.markClicked.connect(self.select_mark)
        panel.markHovered.connect(self._on_mark_hovered)
        panel.chartChanged.connect(lambda _i: self.state.select(None))
        panel.exportRequested.connect(self.export_chart)
        panel.stack.currentChanged.connect(lambda i: self.actions.table.setChecked(i == 1))
        panel.set_page(1 if self.actions.table.isChecked() else 0)
        self.chart_stack.addWidget(panel)
        self.chart_stack.setCurrentWidget(panel)

    def set_dataset(self, dataset: Dataset | PackPreview) -> None:
        """Show another data pack; every view, model and menu is rebuilt from it.
        The full dataset of the pack whose preview is shown keeps the current view."""
        old = self.state.dataset
        same_pack = old is not dataset and old.folder == dataset.folder and not old.complete
        keep = self.state.view_id if same_pack else OVERVIEW
        self.state.set_dataset(dataset)
        if dataset.complete and self.chart_panel is None:
            self._attach_charts()
        self._fill_views()
        self.actions.set_views(self._views())
        self.sidebar_title.setText(f"<b>{escape_html(dataset.info.title)}</b>")
        self.pack_label.setText(self._summary())
        self.setWindowTitle(f"{dataset.info.title} — gzexplorer")
        if not same_pack:
            self.excerpts.search.clear()
        self.show_view(keep or OVERVIEW, force=True)
        if same_pack and self.state.search:
            self._show_search(self.state.search)

    def open_pack(self, path: str | Path) -> bool:
        """Load another pack; on a bad pack explain why and keep the current one."""
        return self.packs.open(path)

    def open_pack_dialog(self) -> None:
        self.packs.choose()

    def _opened(self, dataset: Dataset) -> None:
        self.set_dataset(dataset)
        message = self.tr("Opened %s") % dataset.info.title
        if dataset.warnings:
            count = str(len(dataset.warnings))
            message += " · " + self.tr("warnings: %1 (Help › Pack report)").replace("%1", count)
        self.statusBar().showMessage(message, 8000)

    def show_pack_problems(self, path: str, exc: DataPackError) -> None:
        self.dialogs.pack_problems(path, exc)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.packs.dropped(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self.packs.dropped(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_pack(path)

    def _summary(self) -> str:
        """The pack's size, for the status bar."""
        if not self.is_ready():
            return self.tr("Loading data…")
        names = ("themes", "indicators", "observations", "figures", "milestones", "excerpts")
        text = self.tr(
            "Themes %1 · indicators %2 · observations %3 · figures %4 · milestones %5 · passages %6"
        )
        for i, name in enumerate(names, start=1):
            text = text.replace(f"%{i}", QLocale().toString(len(self.dataset.tables[name])))
        return text

    def _views(self) -> list[tuple[str, str]]:
        return [
            (vid, self.tr("Overview") if vid == OVERVIEW else name)
            for vid, name in charts.views(self.dataset)
        ]

    def _fill_views(self) -> None:
        """The sidebar rows: Overview and the themes, with their figure counts."""
        dataset, full, lang = self.dataset, self.is_ready(), self._language
        rows = []
        for vid, name in self._views():
            if vid == OVERVIEW:
                count = len(dataset.headline_figures()) if full else dataset.headline_count
                desc = self.tr("All milestones and the headline figures")
                rows.append((vid, name, desc, count, icon("overview")))
            else:
                t = dataset.theme(vid)
                count = len(dataset.figures(vid)) if full else dataset.figure_counts.get(vid, 0)
                rows.append(
                    (vid, name, t.text("description", lang), count, icon(t.icon or "theme"))
                )
        self.view_model.set_views(rows)
        row = self.view_model.row_of(self.state.view_id)
        if row >= 0:
            self.theme_list.selectionModel().blockSignals(True)
            self.theme_list.setCurrentIndex(self.view_model.index(row))
            self.theme_list.selectionModel().blockSignals(False)

    # -- views ------------------------------------------------------------------------
    def view_id(self) -> str:
        return self.state.view_id

    def show_view(self, view_id: str, chart_index: int = 0, force: bool = False) -> None:
        """Show a view (the state's), at its chart ``chart_index``; ``force``: draw it
        again even if it is the current one (another pack, another language)."""
        self._chart_index = chart_index
        if force:
            self.state.view_id = ""
        self.state.set_view(view_id)

    def _show_state_view(self, view_id: str) -> None:
        row = self.view_model.row_of(view_id)
        if self.theme_list.currentIndex().row() != row:
            self.theme_list.setCurrentIndex(self.view_model.index(row))
        figures = []
        if self.is_ready():
            specs = charts.charts_for(self.dataset, view_id)
            self.chart_panel.set_charts(specs, getattr(self, "_chart_index", 0))
            figures = charts.figures_for(self.dataset, view_id)
            self.cards_empty.setText(self.tr("The document states no figures for this theme."))
        else:
            self.cards_empty.setText(self.tr("Loading figures…"))
        self._chart_index = 0
        self.figure_model.set_figures(figures)
        self.cards.setVisible(bool(figures))
        self.cards_empty.setVisible(not figures)
        if not self.state.search:
            self._show_view_excerpts()
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Lay out now what the switch changed, so the window paints once, finished:
        Qt would otherwise paint between posted layout requests and the lists' delayed
        item layouts, and paint again after each. Before the window is shown nothing is
        painted, and the lists would be measured at a width they will not have."""
        if not self.isVisible():
            return
        self.excerpts.view.doItemsLayout()
        self.cards.doItemsLayout()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # widgets just shown ask for their paint later (Qt posts UpdateLater on show);
        # merged now, they are painted in the same pass as the rest
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)

    def set_table_page(self, on: bool) -> None:
        if self.chart_panel is not None:
            self.chart_panel.set_page(1 if on else 0)

    def reset_chart_view(self) -> None:
        if self.chart_panel is not None:
            self.chart_panel.reset_view()

    def step_chart(self, step: int) -> None:
        if self.chart_panel is not None and (n := len(self.chart_panel.charts())):
            self.chart_panel.set_current((self.chart_panel.current_index() + step) % n)

    def current_chart(self) -> ChartSpec | None:
        return self.chart_panel.current_spec() if self.chart_panel is not None else None

    def _theme_tags(self) -> dict[str, str]:
        """Each passage's theme names, built once per dataset and language."""
        key = (self.dataset, self._language)  # datasets compare by identity
        if self._tags[0] != key:
            names = {t.id: t.text("name", self._language) for t in self.dataset.themes()}
            tags = {
                e.id: ", ".join(names[t] for t in e.themes if t in names)
                for e in self.dataset.excerpts()
            }
            self._tags = (key, tags)
        return self._tags[1]

    def _show_view_excerpts(self, extra: frozenset[str] = frozenset()) -> None:
        vid = self.state.view_id
        shown = self.dataset.excerpts(None if vid == OVERVIEW else vid)
        if extra - {e.id for e in shown}:
            ids = {e.id for e in shown} | extra
            shown = [e for e in self.dataset.excerpts() if e.id in ids]
        count = str(len(shown))
        if vid == OVERVIEW:
            heading = self.tr("Passages of the whole document: %1").replace("%1", count)
        else:
            name = dict(self._views()).get(vid, "")
            heading = self.tr("Passages on %1: %2").replace("%1", name).replace("%2", count)
        self.excerpts.show_excerpts(shown, self._theme_tags(), heading)

    # -- selection and its highlights --------------------------------------------------
    def select_mark(self, mark: Mark) -> None:
        """A chart element was clicked: show and highlight the passages it comes from."""
        ref = mark.ref
        self.state.select(Selection(ref.kind, ref.id, ref.year, tuple(ref.excerpt_ids)))
        self.statusBar().showMessage(self.canvas.tooltip(mark).replace("\n", " · "))

    def select_figure(self, figure_id: str) -> None:
        """A figure card was chosen: bring up its bar chart, if any, and highlight it."""
        if not self.is_ready():
            return
        for i, spec in enumerate(self.chart_panel.charts()):
            if spec.kind == "bar" and any(m.ref.id == figure_id for m in spec.marks()):
                if i != self.chart_panel.current_index():
                    self.chart_panel.set_current(i)
                break
        self.state.select(Selection("figure", figure_id))
        row = self.figure_model.row_of(figure_id)
        if row >= 0 and self.cards.currentIndex().row() != row:
            self.cards.setCurrentIndex(self.figure_model.index(row))

    def select_excerpt(self, excerpt_id: str) -> None:
        """A passage was selected: highlight the chart elements and cards that cite it."""
        if not excerpt_id or not self.is_ready():
            return
        self.state.select(Selection("passage", excerpt_id))
        cards = sum(1 for f in self.linker.current.figures if self.figure_model.row_of(f) >= 0)
        self.statusBar().showMessage(
            self.tr("This passage is the source of %1 chart element(s) and %2 figure card(s) here")
            .replace("%1", str(self.canvas.highlighted_count()))
            .replace("%2", str(cards)),
            8000,
        )

    def _show_highlights(self, h: Highlights) -> None:
        if self.canvas is not None:
            self.canvas.highlight(set(h.marks))
        self.figure_model.set_highlighted(set(h.figures))
        missing = {i for i in h.passages if self.excerpts.model.row_of(i) < 0}
        if missing and not self.state.search:
            self._show_view_excerpts(extra=h.passages)
        self.excerpts.highlight(set(h.passages), scroll=h.scroll_to_passages)

    def _on_mark_hovered(self, mark: Mark | None) -> None:
        if mark is not None:
            self.statusBar().showMessage(self.canvas.tooltip(mark).replace("\n", " · "), 4000)

    # -- search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.excerpts.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.excerpts.search.selectAll()

    def _show_search(self, text: str) -> None:
        if not text.strip():
            self._show_view_excerpts()
            return
        hits = self.dataset.search(text)
        heading = self.tr("Passages matching “%1” in all themes: %2")
        heading = heading.replace("%1", text.strip()).replace("%2", str(len(hits)))
        self.excerpts.show_hits(hits, self._theme_tags(), heading)

    # -- export and help --------------------------------------------------------------
    def export_chart(self) -> None:
        from gzexplorer.ui.export_dialog import ExportDialog

        if (spec := self.current_chart()) is not None:
            ExportDialog(spec, self.canvas.chart_style, self.settings, self).open()

    def copy_chart_image(self) -> None:
        from gzexplorer.render.export import render_image

        if (spec := self.current_chart()) is None:
            return
        size = self.canvas.size()
        QGuiApplication.clipboard().setImage(render_image(spec, size.width(), size.height(), 2.0))
        self.statusBar().showMessage(self.tr("Chart copied to the clipboard"), 4000)

    def show_sources(self) -> None:
        self.dialogs.sources(self.dataset)

    def show_pack_report(self) -> None:
        self.dialogs.pack_report(self.dataset)

    def show_about(self) -> None:
        self.dialogs.about()

    # -- language and appearance -------------------------------------------------------
    def _wanted_language(self) -> str:
        wanted = self.settings.get("ui/language", str, "system")
        return i18n.system_language() if wanted == "system" else wanted

    def language(self) -> str:
        return self._language

    def set_language(self, code: str) -> None:
        """Switch the interface (menus, charts, cards, theme names) without a restart."""
        self.settings.set("ui/language", code)
        wanted = i18n.system_language() if code == "system" else code
        self._language = i18n.apply(wanted)
        if self._language != wanted:
            self.statusBar().showMessage(
                self.tr("Chinese needs a font with Chinese characters (e.g. fonts-wqy-microhei)"),
                8000,
            )
        self.retranslate()

    def retranslate(self) -> None:
        """Every word again in the language now in use; the view and chart stay."""
        self.actions.retranslate()
        self.actions.set_views(self._views())
        self.actions.check(self.settings.get("ui/language", str, "system"), self._scheme)
        self._fill_views()
        self.loading.setText(self.tr("Loading charts…"))
        self.theme_list.setAccessibleName(self.tr("Themes"))
        self.cards.setAccessibleName(self.tr("Figures of this theme"))
        self.excerpts.retranslate()
        if self.chart_panel is not None:
            self.chart_panel.retranslate()
        self.pack_label.setText(self._summary())
        chart = self.chart_panel.current_index() if self.chart_panel else 0
        self.show_view(self.state.view_id or OVERVIEW, max(0, chart), force=True)

    def is_dark(self) -> bool:
        return self._dark

    def set_scheme(self, scheme: str) -> None:
        """ "system", "light" or "dark": the window and its charts restyle at once."""
        self._scheme = scheme if scheme in SCHEMES else "system"
        self.settings.set("ui/scheme", self._scheme)
        self._dark = apply_scheme(self._scheme, self._desktop_dark)
        self.actions.check(self.settings.get("ui/language", str, "system"), self._scheme)
        if self.chart_panel is not None:
            self.chart_panel.set_chart_style(replace(self.chart_panel.chart_style, dark=self._dark))
        self.update()

    def toggle_dark(self) -> None:
        self.set_scheme("light" if self._dark else "dark")

    def follow_system_scheme(self, scheme: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> None:
        """The desktop changed its colour scheme (Qt's signal): follow it if asked to."""
        if scheme == Qt.ColorScheme.Unknown:
            return
        self._desktop_dark = scheme == Qt.ColorScheme.Dark
        if self._scheme == "system" and self._dark != self._desktop_dark:
            self.set_scheme("system")

    # -- settings ---------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.get("window/geometry", QByteArray, None)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        split = s.get("window/splitter", QByteArray, None)
        if split is not None:
            self.splitter.restoreState(split)
        self.show_view(s.get("view/last", str, OVERVIEW))
        table = s.get("view/table", bool, False)
        self.actions.table.setChecked(table)
        self.set_table_page(table)
        self.actions.check(s.get("ui/language", str, "system"), self._scheme)

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/splitter", self.splitter.saveState())
        s.set("view/last", self.state.view_id)
        s.set("view/table", self.actions.table.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        super().closeEvent(event)


__all__ = ["MainWindow"]
