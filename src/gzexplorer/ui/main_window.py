"""The main window: the layout of the themes sidebar, the chart area with its figure
cards and the document's passages, and the wiring between them.

What is shown lives in :class:`~gzexplorer.ui.state.ViewState`; the widgets render
it and send it what the user does; :class:`~gzexplorer.ui.linking.Linker` says what
to highlight, and :class:`~gzexplorer.ui.cross_highlighting.CrossHighlighter` shows it
on the widgets. Menus are :mod:`~gzexplorer.ui.actions`, message boxes
:mod:`~gzexplorer.ui.dialogs`, opening a pack :mod:`~gzexplorer.ui.pack_opener`, the
columns' split :mod:`~gzexplorer.ui.main_splitter`, the status bar
:mod:`~gzexplorer.ui.status_bar`, what is kept between runs
:mod:`~gzexplorer.ui.window_settings`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from gzexplorer import charts
from gzexplorer.charts import OVERVIEW
from gzexplorer.ui.accessibility import WindowAccessibility
from gzexplorer.ui.actions import WindowActions
from gzexplorer.ui.chart_column import ChartColumn
from gzexplorer.ui.cross_highlighting import CrossHighlighter
from gzexplorer.ui.dialogs import Dialogs
from gzexplorer.ui.excerpt_panel import ExcerptPanel
from gzexplorer.ui.linking import Linker
from gzexplorer.ui.look import Look
from gzexplorer.ui.main_splitter import MainSplitter
from gzexplorer.ui.pack_opener import PackOpener
from gzexplorer.ui.review_controller import ReviewController
from gzexplorer.ui.settings import Settings
from gzexplorer.ui.sidebar import Sidebar, icon
from gzexplorer.ui.state import ViewState
from gzexplorer.ui.status_bar import StatusBar
from gzexplorer.ui.window_settings import restore_window, save_window

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec
    from gzexplorer.model import Dataset
    from gzexplorer.model.preview import PackPreview
    from gzexplorer.ui.chart_panel import ChartPanel


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
        self._chart_index = 0  # the chart to show when a view is shown
        self.look = Look(self.settings, self)  # first: every widget is made in it
        self.setWindowIcon(icon("gzexplorer"))

        self.sidebar = Sidebar()
        self.sidebar.viewChosen.connect(self.state.set_view)
        self.view_model, self.theme_list = self.sidebar.model, self.sidebar.list

        # centre: charts (attached once the full dataset is there) over the cards
        self.column = ChartColumn()
        self.column.attached.connect(self._wire_charts)
        self.figure_cards, self.loading = self.column.cards, self.column.loading
        self.figure_model, self.cards = self.figure_cards.model, self.figure_cards.list
        self.cards_empty, self.chart_stack = self.figure_cards.empty, self.column.stack

        # excerpts
        self.excerpts = ExcerptPanel()
        self.excerpts.searchChanged.connect(self.state.set_search)

        self.splitter = MainSplitter(self.sidebar, self.column, self.excerpts)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.pack_label = self.status.pack_label
        self.setAcceptDrops(True)
        self.actions = WindowActions(self)
        self.review = ReviewController(self)  # drafting and reviewing a pack

        # a pick on the chart, a card or a passage: the selection, highlighted on all
        self.highlighter = CrossHighlighter(
            self.state, self.linker, self.column, self.excerpts, self.status, self
        )
        self.figure_cards.figureChosen.connect(self.highlighter.select_figure)
        self.excerpts.excerptSelected.connect(self.highlighter.select_excerpt)
        self.highlighter.passagesWanted.connect(self._show_view_excerpts)
        self.a11y = WindowAccessibility(self)  # Tab order, the chart's keys, announcements

        self.state.viewChanged.connect(self._show_state_view)
        self.state.searchChanged.connect(self._show_search)
        self.packs.opened.connect(self._opened)
        self.look.languageChanged.connect(self.retranslate)
        self.look.schemeChanged.connect(self._restyle)
        self.set_dataset(dataset)
        restore_window(self)

    # -- the pack ---------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset | PackPreview:
        return self.state.dataset

    @property
    def chart_panel(self) -> ChartPanel | None:
        return self.column.panel

    @property
    def canvas(self):
        """The chart canvas on screen (None until the data is loaded)."""
        return self.column.canvas

    def is_ready(self) -> bool:
        """True once the full dataset (not only a preview) is shown."""
        return self.chart_panel is not None and self.dataset.complete

    def _wire_charts(self, panel: ChartPanel) -> None:
        panel.markClicked.connect(self.highlighter.select_mark)
        panel.markHovered.connect(self.highlighter.mark_hovered)
        panel.chartChanged.connect(lambda _i: self.state.select(None))
        panel.exportRequested.connect(self.export_chart)
        panel.citeRequested.connect(lambda: self.cite(chart=True))
        self.a11y.wire_charts(panel)
        panel.stack.currentChanged.connect(lambda i: self.actions.table.setChecked(i == 1))
        panel.set_page(1 if self.actions.table.isChecked() else 0)
        panel.description_button.toggled.connect(self.actions.description.setChecked)
        panel.show_description(self.actions.description.isChecked())

    def attach_charts(self) -> None:
        """The chart modules are imported: draw what the shown data can describe (on
        the preview, the Overview's timeline; the rest once the data is checked)."""
        if self.chart_panel is None:
            self.column.attach_charts(self.look.dark)
            self.show_view(self.state.view_id or OVERVIEW, force=True)

    def set_dataset(self, dataset: Dataset | PackPreview, keep_view: bool = False) -> None:
        """Show another data pack; every view, model and menu is rebuilt from it.
        The full dataset of the pack whose preview is shown keeps the current view and
        chart, as does the same pack again with ``keep_view`` (edited in the review)."""
        old = self.state.dataset
        same_pack = old is not dataset and old.folder == dataset.folder
        same_pack = same_pack and (keep_view or not old.complete)
        chart = self.chart_panel.current_index() if same_pack and self.chart_panel else 0
        keep = self.state.view_id if same_pack else OVERVIEW
        self.state.set_dataset(dataset)
        if dataset.complete and self.chart_panel is None:
            self.column.attach_charts(self.look.dark)
        elif self.chart_panel is not None and old is not dataset:
            self.chart_panel.drop_kept_charts()  # the old pack's: never shown again
        views = self._views()
        self.sidebar.show_pack(dataset, views, self.look.language)
        self.actions.set_views(views)
        self.status.show_pack_size(dataset, self.is_ready())
        self.setWindowTitle(f"{dataset.info.title} — gzexplorer")
        if not same_pack:
            self.excerpts.search.clear()
        self.show_view(keep or OVERVIEW, max(0, chart), force=True)
        if same_pack and self.state.search:
            self._show_search(self.state.search)

    def open_pack(self, path: str | Path) -> bool:
        """Load another pack; on a bad pack explain why and keep the current one."""
        return self.packs.open(path)

    def open_pack_dialog(self) -> None:
        self.packs.choose()

    def _opened(self, dataset: Dataset) -> None:
        self.set_dataset(dataset)
        self.status.pack_opened(dataset)

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

    def _views(self) -> list[tuple[str, str]]:
        return [
            (vid, self.tr("Overview") if vid == OVERVIEW else name)
            for vid, name in charts.views(self.dataset, self.look.context)
        ]

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
        self.sidebar.select(view_id)
        specs = figures = None
        if self.chart_panel is not None and (self.dataset.complete or view_id == OVERVIEW):
            specs = charts.charts_for(self.dataset, view_id, self.look.context)
        if self.dataset.complete:
            figures = charts.figures_for(self.dataset, view_id)
        self.column.show_charts(specs, self._chart_index)
        self._chart_index = 0
        self.figure_cards.show_figures(figures or [], self.look.context, loading=figures is None)
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
        self.column.set_table_page(on)

    def set_description_shown(self, on: bool) -> None:
        self.column.set_description_shown(on)

    def reset_chart_view(self) -> None:
        self.column.reset_view()

    def step_chart(self, step: int) -> None:
        self.column.step_chart(step)

    def current_chart(self) -> ChartSpec | None:
        return self.column.current_chart()

    def _show_view_excerpts(self, extra: frozenset[str] = frozenset()) -> None:
        vid = self.state.view_id
        name = dict(self._views()).get(vid, "")
        self.excerpts.show_view(self.dataset, vid, name, self.look.language, extra)

    # -- search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.excerpts.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.excerpts.search.selectAll()

    def _show_search(self, text: str) -> None:
        if text.strip():
            self.excerpts.show_search(self.dataset, text, self.look.language)
        else:
            self._show_view_excerpts()

    # -- export and help --------------------------------------------------------------
    def export_chart(self) -> None:
        self.column.export(self.settings)

    def export_bundle(self) -> None:
        """The shown chart, or its theme's charts, as a data bundle (.zip)."""
        from gzexplorer.ui.bundle_dialog import BundleDialog

        spec = self.current_chart()
        if spec is None or self.chart_panel is None:
            return
        if not self.dataset.complete:
            self.statusBar().showMessage(self.tr("Loading data…"), 4000)
            return
        vid = self.view_id()
        number = self.chart_panel.current_index() + 1
        name = dict(self._views()).get(vid, vid)
        args = (self.dataset, vid, name, number, spec, self.look.context, self.settings, self)
        BundleDialog(*args).open()

    def export_brief(self) -> None:
        """The PDF brief of the shown theme or of all of them (Export brief…)."""
        from gzexplorer.ui.brief_dialog import BriefDialog

        if not self.dataset.complete:
            self.statusBar().showMessage(self.tr("Loading data…"), 4000)
            return
        name = dict(self._views()).get(self.view_id(), "")
        dialog = BriefDialog(
            self.dataset, self.view_id(), name, self.look.context, self.settings, self
        )
        dialog.open()

    def cite(self, chart: bool = False) -> None:
        """The Cite dialog: the document's citation, and the shown chart's if ``chart``."""
        from gzexplorer import cite
        from gzexplorer.ui.cite_dialog import CiteDialog

        spec = self.current_chart() if chart else None
        chart_cite = cite.chart_citation(self.dataset, spec) if spec is not None else None
        dialog = CiteDialog(cite.reference(self.dataset.info), chart_cite, self)
        dialog.open()

    def copy_chart_image(self) -> None:
        if self.column.copy_image():
            self.status.chart_copied()

    # -- language and appearance -------------------------------------------------------
    def language(self) -> str:
        return self.look.language

    def set_language(self, code: str) -> None:
        """Switch the interface (menus, charts, cards, theme names) without a restart."""
        if not self.look.set_language(code):  # the translation or a font is missing
            self.dialogs.language_unavailable(self.look.wanted, self.look.missing)

    def retranslate(self) -> None:
        """Every word again in the language now in use; the view and chart stay."""
        self.actions.retranslate()
        views = self._views()
        self.actions.set_views(views)
        self.actions.check(self.look.language_choice(), self.look.scheme)
        self.sidebar.show_pack(self.dataset, views, self.look.language)
        self.sidebar.retranslate()
        self.column.retranslate()
        self.excerpts.retranslate()
        self.status.show_pack_size(self.dataset, self.is_ready())
        chart = self.chart_panel.current_index() if self.chart_panel else 0
        self.show_view(self.state.view_id or OVERVIEW, max(0, chart), force=True)

    def is_dark(self) -> bool:
        return self.look.dark

    def set_scheme(self, scheme: str) -> None:
        """ "system", "light" or "dark": the window and its charts restyle at once."""
        self.look.set_scheme(scheme)

    def toggle_dark(self) -> None:
        self.set_scheme("light" if self.look.dark else "dark")

    def _restyle(self, dark: bool) -> None:
        self.actions.check(self.look.language_choice(), self.look.scheme)
        if self.chart_panel is not None:
            self.chart_panel.set_chart_style(replace(self.chart_panel.chart_style, dark=dark))
        self.update()

    # -- the window's size and its settings -------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.splitter.follow_window(self.width())

    def save_settings(self) -> None:
        save_window(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        super().closeEvent(event)


__all__ = ["MainWindow"]
