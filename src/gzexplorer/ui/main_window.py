"""The main window: themes sidebar, chart area with figure cards, document excerpts.

Everything shown comes from the loaded :class:`~gzexplorer.model.Dataset` through the
item models and chart specs; the window keeps only which view is current.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gzexplorer import __version__, charts
from gzexplorer.charts import OVERVIEW
from gzexplorer.paths import resources_dir
from gzexplorer.render.labels import WrappedLabel
from gzexplorer.ui import i18n
from gzexplorer.ui.appearance import SCHEMES, apply_scheme, system_prefers_dark
from gzexplorer.ui.delegates import FigureCardDelegate, ThemeDelegate, escape_html
from gzexplorer.ui.excerpt_panel import ExcerptPanel
from gzexplorer.ui.item_models import FigureListModel, IdRole, ViewListModel
from gzexplorer.ui.settings import Settings

if TYPE_CHECKING:
    from gzexplorer.charts.spec import ChartSpec, Mark
    from gzexplorer.model import DataPackError, Dataset
    from gzexplorer.model.preview import PackPreview
    from gzexplorer.ui.chart_panel import ChartPanel


def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path if path.is_file() else resources_dir() / "icons" / "theme.svg"))


class MainWindow(QMainWindow):
    viewChanged = Signal(str)
    datasetChanged = Signal()

    def __init__(self, dataset: Dataset | PackPreview, settings: QSettings | None = None) -> None:
        """Show ``dataset``. Given a PackPreview, the window paints its shell (sidebar,
        passages) at once and charts arrive with :meth:`set_dataset`."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.dataset = dataset
        self._tags: dict[str, str] = {}
        self._tags_key: tuple = ()
        self.settings = Settings(settings or QSettings())
        self._view_id = ""
        self._view_actions: list[QAction] = []
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
            lambda cur, _prev: cur.isValid() and self.show_view(cur.data(IdRole))
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
        self.excerpts.searchChanged.connect(self._on_search)

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
        self._menu_actions: list[QAction] = []
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.follow_system_scheme)
        self._build_menus()
        self.set_dataset(dataset)
        self._restore_settings()

    # -- menus ----------------------------------------------------------------------
    def _action(
        self, text: str, slot, keys: str | QKeySequence.StandardKey | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        self._menu_actions.append(action)
        return action

    def _drop_action(self, action: QAction) -> None:
        """Undo :meth:`_action`."""
        self.removeAction(action)
        action.deleteLater()

    def _build_menus(self) -> None:
        """(Re)build the menu bar in the current language."""
        for action in self._menu_actions:
            self._drop_action(action)
        self._menu_actions = []
        self._view_actions = []
        bar = self.menuBar()
        old_menus = [a.menu() for a in bar.actions() if a.menu() is not None]
        old_menus += [getattr(self, name, None) for name in ("language_menu", "scheme_menu")]
        bar.clear()
        for menu in old_menus:  # with their action groups
            if menu is not None:
                menu.deleteLater()
        file = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open data pack…"),
            self.open_pack_dialog,
            QKeySequence.StandardKey.Open,
            self.tr("Open another data pack of the same format"),
        )
        self.export_action = self._action(
            self.tr("&Export chart…"),
            self.export_chart,
            "Ctrl+E",
            self.tr("Export the chart as PNG, SVG or CSV"),
        )
        self.copy_image_action = self._action(
            self.tr("Copy chart &image"),
            self.copy_chart_image,
            "Ctrl+Shift+C",
            self.tr("Copy the chart to the clipboard as an image"),
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        for a in (
            self.open_action,
            None,
            self.export_action,
            self.copy_image_action,
            None,
            self.quit_action,
        ):
            file.addSeparator() if a is None else file.addAction(a)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.table_action = self._action(
            self.tr("Show &table"),
            self._set_table_page,
            "Ctrl+T",
            self.tr("Show the chart's data as a table"),
        )
        self.table_action.setCheckable(True)
        if self.chart_panel is not None:  # a rebuilt menu (language switch) keeps the tick
            self.table_action.setChecked(self.chart_panel.showing_table())
        self.reset_action = self._action(
            self.tr("&Reset view"),
            self._reset_view,
            "Ctrl+0",
            self.tr("Show the whole chart again"),
        )
        self.next_chart_action = self._action(
            self.tr("&Next chart"), lambda: self._step_chart(1), "Ctrl+PgDown"
        )
        self.prev_chart_action = self._action(
            self.tr("&Previous chart"), lambda: self._step_chart(-1), "Ctrl+PgUp"
        )
        self.search_action = self._action(
            self.tr("&Find in document"), self.focus_search, QKeySequence.StandardKey.Find
        )

        self.language_menu = QMenu(self.tr("&Language"), self)
        group = QActionGroup(self.language_menu)
        for code in ["system", *i18n.available()]:
            name = (
                self.tr("System default")
                if code == "system"
                else i18n.LANGUAGE_NAMES.get(code, code)
            )
            action = self._action(name, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == self.settings.get("ui/language", str, "system"))
            action.setData(code)
            group.addAction(action)
            self.language_menu.addAction(action)
        self.scheme_menu = QMenu(self.tr("&Appearance"), self)
        group = QActionGroup(self.scheme_menu)
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for scheme in SCHEMES:
            action = self._action(names[scheme], lambda _=False, sc=scheme: self.set_scheme(sc))
            action.setCheckable(True)
            action.setChecked(scheme == self._scheme)
            action.setData(scheme)
            group.addAction(action)
            self.scheme_menu.addAction(action)
        self.toggle_dark_action = self._action(
            self.tr("&Dark mode"),
            self.toggle_dark,
            "Ctrl+Shift+D",
            self.tr("Switch between light and dark"),
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Sources"), self.show_sources))
        help_menu.addAction(self._action(self.tr("&Pack report"), self.show_pack_report))
        help_menu.addAction(self._action(self.tr("&About gzexplorer"), self.show_about))

    def _fill_view_menu(self) -> None:
        menu = self.view_menu
        menu.clear()
        for a in self._view_actions:
            self._drop_action(a)
            if a in self._menu_actions:
                self._menu_actions.remove(a)
        self._view_actions = []
        for i, (vid, name) in enumerate(self._views()):
            action = self._action(
                name, lambda _=False, v=vid: self.show_view(v), f"Ctrl+{i + 1}" if i < 9 else None
            )
            self._view_actions.append(action)
            menu.addAction(action)
        menu.addSeparator()
        for a in (
            self.table_action,
            self.reset_action,
            self.next_chart_action,
            self.prev_chart_action,
            None,
            self.search_action,
            None,
        ):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu.addMenu(self.language_menu)
        menu.addMenu(self.scheme_menu)
        menu.addAction(self.toggle_dark_action)

    def _views(self) -> list[tuple[str, str]]:
        return [
            (vid, self.tr("Overview") if vid == OVERVIEW else name)
            for vid, name in charts.views(self.dataset)
        ]

    # -- data -----------------------------------------------------------------------
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
        panel.chartChanged.connect(self._on_chart_changed)
        panel.exportRequested.connect(self.export_chart)
        panel.stack.currentChanged.connect(lambda i: self.table_action.setChecked(i == 1))
        panel.set_page(1 if self.table_action.isChecked() else 0)
        self.chart_stack.addWidget(panel)
        self.chart_stack.setCurrentWidget(panel)

    def set_dataset(self, dataset: Dataset | PackPreview) -> None:
        """Show another data pack; every view, model and menu is rebuilt from it.

        The full dataset of the pack whose preview is shown keeps the current view."""
        same_pack = getattr(self.dataset, "folder", None) == dataset.folder and not self.is_ready()
        self.dataset = dataset
        full = dataset.complete
        if full and self.chart_panel is None:
            self._attach_charts()
        keep = self._view_id if same_pack else OVERVIEW
        self._fill_views()
        self._fill_view_menu()
        self.sidebar_title.setText(f"<b>{escape_html(dataset.info.title)}</b>")
        self.pack_label.setText(self._summary())
        self.setWindowTitle(f"{dataset.info.title} — gzexplorer")
        self._view_id = ""
        if not same_pack:
            self.excerpts.search.clear()
        self.show_view(keep or OVERVIEW)
        if same_pack and self.excerpts.search.text():
            self._on_search(self.excerpts.search.text())
        self.datasetChanged.emit()

    def _summary(self) -> str:
        """The pack's size, for the status bar."""
        if not self.is_ready():
            return self.tr("Loading data…")
        t = self.dataset.tables
        counts = [
            len(t[n])
            for n in ("themes", "indicators", "observations", "figures", "milestones", "excerpts")
        ]
        text = self.tr(
            "Themes %1 · indicators %2 · observations %3 · figures %4 · milestones %5 · passages %6"
        )
        for i, n in enumerate(counts, start=1):
            text = text.replace(f"%{i}", QLocale().toString(n))
        return text

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
                desc = t.text("description", lang)
                rows.append((vid, name, desc, count, icon(t.icon or "theme")))
        current = self._view_id
        self.view_model.set_views(rows)
        row = self.view_model.row_of(current)
        if row >= 0:
            self.theme_list.selectionModel().blockSignals(True)
            self.theme_list.setCurrentIndex(self.view_model.index(row))
            self.theme_list.selectionModel().blockSignals(False)

    def open_pack(self, path: str | Path) -> bool:
        """Load another pack; on a bad pack explain why and keep the current one."""
        from gzexplorer.model import DataPackError, load

        try:
            dataset = load(path)
        except DataPackError as exc:
            self.show_pack_problems(str(path), exc)
            return False
        self.set_dataset(dataset)
        self.settings.set("data/lastFolder", str(Path(path)))
        message = self.tr("Opened %s") % dataset.info.title
        if dataset.warnings:
            count = str(len(dataset.warnings))
            message += " · " + self.tr("warnings: %1 (Help › Pack report)").replace("%1", count)
        self.statusBar().showMessage(message, 8000)
        return True

    def show_pack_problems(self, path: str, exc: DataPackError) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cannot open data pack"))
        box.setText(self.tr("The data pack at %s has problems and was not opened.") % path)
        lines = [str(p) for p in exc.problems + exc.warnings]
        box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        box.setDetailedText("\n".join(lines))
        box.setObjectName("packProblems")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_pack_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = self.settings.get("data/lastFolder", str, str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open data pack"), start)
        if folder:
            self.open_pack(folder)

    @staticmethod
    def _dropped_pack(event) -> Path | None:
        """A folder or datapackage.json among the dropped URLs, if any."""
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                p = Path(url.toLocalFile())
                if p.is_dir() or p.name.endswith(".json"):
                    return p
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_pack(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_pack(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_pack(path)

    # -- views ----------------------------------------------------------------------
    def view_id(self) -> str:
        return self._view_id

    def show_view(self, view_id: str, chart_index: int = 0) -> None:
        if view_id == self._view_id:
            return
        if view_id not in {v for v, _ in self._views()}:
            view_id = OVERVIEW
        self._view_id = view_id
        row = self.view_model.row_of(view_id)
        if self.theme_list.currentIndex().row() != row:
            self.theme_list.setCurrentIndex(self.view_model.index(row))
        figures = []
        if self.is_ready():
            self.chart_panel.set_charts(charts.charts_for(self.dataset, view_id), chart_index)
            figures = charts.figures_for(self.dataset, view_id)
            self.cards_empty.setText(self.tr("The document states no figures for this theme."))
        else:
            self.cards_empty.setText(self.tr("Loading figures…"))
        self.figure_model.set_figures(figures)
        self.cards.setVisible(bool(figures))
        self.cards_empty.setVisible(not figures)
        if not self.excerpts.search.text():
            self._show_view_excerpts()
        self._clear_highlights()
        self._settle_layout()
        self.viewChanged.emit(view_id)

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

    def _set_table_page(self, on: bool) -> None:
        if self.chart_panel is not None:
            self.chart_panel.set_page(1 if on else 0)

    def _reset_view(self) -> None:
        if self.chart_panel is not None:
            self.chart_panel.reset_view()

    def _step_chart(self, step: int) -> None:
        if self.chart_panel is None:
            return
        n = len(self.chart_panel.charts())
        if n:
            self.chart_panel.set_current((self.chart_panel.current_index() + step) % n)

    def _theme_tags(self) -> dict[str, str]:
        """Each passage's theme names, built once per dataset and language (not per switch)."""
        key = (self.dataset, self._language)  # datasets compare by identity
        if self._tags_key != key:
            names = {t.id: t.text("name", self._language) for t in self.dataset.themes()}
            self._tags = {
                e.id: ", ".join(names[t] for t in e.themes if t in names)
                for e in self.dataset.excerpts()
            }
            self._tags_key = key
        return self._tags

    def _show_view_excerpts(self, extra: set[str] = frozenset()) -> None:
        vid = self._view_id
        shown = self.dataset.excerpts(None if vid == OVERVIEW else vid)
        ids = {e.id for e in shown}
        if extra - ids:
            shown = [e for e in self.dataset.excerpts() if e.id in ids or e.id in extra]
        name = dict(self._views()).get(vid, "")
        heading = self.tr("Passages on %1: %2").replace("%1", name).replace("%2", str(len(shown)))
        if vid == OVERVIEW:
            heading = self.tr("Passages of the whole document: %1").replace("%1", str(len(shown)))
        self.excerpts.show_excerpts(shown, self._theme_tags(), heading)

    def current_chart(self) -> ChartSpec | None:
        return self.chart_panel.current_spec() if self.chart_panel is not None else None

    def _on_chart_changed(self, _index: int) -> None:
        self._clear_highlights()

    # -- linking ----------------------------------------------------------------------
    def _clear_highlights(self) -> None:
        if self.canvas is not None:
            self.canvas.highlight(set())
        self.figure_model.set_highlighted(set())
        self.excerpts.highlight(set(), scroll=False)

    def _ensure_listed(self, excerpt_ids: set[str]) -> None:
        missing = {i for i in excerpt_ids if self.excerpts.model.row_of(i) < 0}
        if missing and not self.excerpts.search.text():
            self._show_view_excerpts(extra=excerpt_ids)

    def select_mark(self, mark: Mark) -> None:
        """A chart element was clicked: show and highlight the passages it comes from."""
        ref = mark.ref
        ids = set(ref.excerpt_ids)
        self._ensure_listed(ids)
        self.excerpts.highlight(ids)
        self.canvas.highlight({(ref.kind, ref.id, ref.year)})
        self.figure_model.set_highlighted({ref.id} if ref.kind == "figure" else set())
        self.statusBar().showMessage(self.canvas.tooltip(mark).replace("\n", " · "))

    def select_figure(self, figure_id: str) -> None:
        """A figure card was chosen: highlight its passages and its bar, if charted."""
        if not self.is_ready():
            return
        figure = self.dataset.figure(figure_id)
        for i, spec in enumerate(self.chart_panel.charts()):
            if spec.kind == "bar" and any(m.ref.id == figure_id for m in spec.marks()):
                if i != self.chart_panel.current_index():
                    self.chart_panel.set_current(i)
                break
        ids = set(figure.excerpt_ids)
        self._ensure_listed(ids)
        self.excerpts.highlight(ids)
        self.canvas.highlight({("figure", figure_id, figure.year)})
        self.figure_model.set_highlighted({figure_id})
        row = self.figure_model.row_of(figure_id)
        if row >= 0 and self.cards.currentIndex().row() != row:
            self.cards.setCurrentIndex(self.figure_model.index(row))

    def select_excerpt(self, excerpt_id: str) -> None:
        """A passage was selected: highlight the chart elements and cards that cite it."""
        if not excerpt_id or not self.is_ready():
            return
        cited = self.dataset.citing(excerpt_id)
        refs = {("point", p.indicator_id, p.year) for p in cited.points}
        refs |= {("figure", f.id, f.year) for f in cited.figures}
        refs |= {("milestone", m.id, m.year) for m in cited.milestones}
        self.canvas.highlight(refs)
        self.figure_model.set_highlighted({f.id for f in cited.figures})
        self.excerpts.highlight({excerpt_id}, scroll=False)
        shown = self.canvas.highlighted_count()
        cards = sum(1 for f in cited.figures if self.figure_model.row_of(f.id) >= 0)
        self.statusBar().showMessage(
            self.tr("This passage is the source of %1 chart element(s) and %2 figure card(s) here")
            .replace("%1", str(shown))
            .replace("%2", str(cards)),
            8000,
        )

    def _on_mark_hovered(self, mark: Mark | None) -> None:
        if mark is not None:
            self.statusBar().showMessage(self.canvas.tooltip(mark).replace("\n", " · "), 4000)

    # -- search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.excerpts.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.excerpts.search.selectAll()

    def _on_search(self, text: str) -> None:
        if not text.strip():
            self._show_view_excerpts()
            return
        hits = self.dataset.search(text)
        heading = (
            self.tr("Passages matching “%1” in all themes: %2")
            .replace("%1", text.strip())
            .replace("%2", str(len(hits)))
        )
        self.excerpts.show_hits(hits, self._theme_tags(), heading)

    # -- export -----------------------------------------------------------------------
    def export_chart(self) -> None:
        from gzexplorer.ui.export_dialog import ExportDialog

        spec = self.current_chart()
        if spec is None:
            return
        ExportDialog(spec, self.canvas.chart_style, self.settings, self).open()

    def copy_chart_image(self) -> None:
        from gzexplorer.render.export import render_image

        spec = self.current_chart()
        if spec is None:
            return
        from PySide6.QtGui import QGuiApplication

        size = self.canvas.size()
        QGuiApplication.clipboard().setImage(render_image(spec, size.width(), size.height(), 2.0))
        self.statusBar().showMessage(self.tr("Chart copied to the clipboard"), 4000)

    # -- help -------------------------------------------------------------------------
    def show_sources(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

        info = self.dataset.info
        parts = [f"<h3>{escape_html(info.title)}</h3>"]
        if info.citation:
            parts.append(f"<p>{escape_html(info.citation)}</p>")
        if info.sources:
            parts.append("<p><b>" + self.tr("Sources") + "</b></p><ul>")
            parts += [f"<li>{escape_html(s)}</li>" for s in info.sources]
            parts.append("</ul>")
        if info.attribution:
            parts.append(f"<p>{escape_html(info.attribution)}</p>")
        if info.licenses:
            licences = escape_html("; ".join(info.licenses))
            parts.append("<p>" + self.tr("Licence: ") + licences + "</p>")
        parts.append(f"<p><small>{escape_html(str(self.dataset.folder))}</small></p>")
        QMessageBox.information(self, self.tr("Sources"), "".join(parts))

    def show_pack_report(self) -> None:
        """What validation found in the open pack: its warnings (a pack with errors
        does not open), or that there is nothing to report."""
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

        warnings = getattr(self.dataset, "warnings", [])
        box = QMessageBox(self)
        box.setObjectName("packReport")
        box.setWindowTitle(self.tr("Pack report"))
        title = escape_html(self.dataset.info.title)
        if not self.is_ready():
            box.setText(self.tr("%s is still being checked.") % title)
        elif not warnings:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                self.tr(
                    "%s is valid: its schema, keys and the provenance of every number were "
                    "checked, and nothing looks wrong."
                )
                % title
            )
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            text = self.tr(
                "%1 is valid. Warnings: %2. They name what is allowed but probably not meant."
            )
            box.setText(text.replace("%1", title).replace("%2", str(len(warnings))))
            lines = [str(w).removeprefix("warning: ") for w in warnings]
            box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
            box.setDetailedText("\n".join(lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

        QMessageBox.about(
            self,
            self.tr("About gzexplorer"),
            self.tr(
                "<h3>gzexplorer %1</h3><p>A desktop explorer for the case study "
                "<i>Leapfrogging with All-Round Digital Transformation in Guizhou</i>. "
                "Every figure leads back to the passage it comes from.</p>"
            ).replace("%1", __version__),
        )

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
        self._build_menus()
        self._fill_view_menu()
        self._fill_views()
        self.loading.setText(self.tr("Loading charts…"))
        self.theme_list.setAccessibleName(self.tr("Themes"))
        self.cards.setAccessibleName(self.tr("Figures of this theme"))
        self.excerpts.retranslate()
        if self.chart_panel is not None:
            self.chart_panel.retranslate()
        self.pack_label.setText(self._summary())
        view, chart = self._view_id, (self.chart_panel.current_index() if self.chart_panel else 0)
        self._view_id = ""
        self.show_view(view or OVERVIEW, max(0, chart))

    def is_dark(self) -> bool:
        return self._dark

    def set_scheme(self, scheme: str) -> None:
        """ "system", "light" or "dark": the window and its charts restyle at once."""
        self._scheme = scheme if scheme in SCHEMES else "system"
        self.settings.set("ui/scheme", self._scheme)
        self._dark = apply_scheme(self._scheme, self._desktop_dark)
        for action in self.scheme_menu.actions():
            action.setChecked(action.data() == self._scheme)
        if self.chart_panel is not None:
            self.chart_panel.set_chart_style(replace(self.chart_panel.chart_style, dark=self._dark))
        self.update()

    def toggle_dark(self) -> None:
        self.set_scheme("light" if self._dark else "dark")

    def follow_system_scheme(self, scheme: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> None:
        """The desktop changed its colour scheme (Qt's signal): follow it if the user
        asked to."""
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
        last = s.get("view/last", str, OVERVIEW)
        self.show_view(last)
        table = s.get("view/table", bool, False)
        self.table_action.setChecked(table)
        self._set_table_page(table)

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/splitter", self.splitter.saveState())
        s.set("view/last", self._view_id)
        s.set("view/table", self.table_action.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        super().closeEvent(event)


__all__ = ["MainWindow"]
