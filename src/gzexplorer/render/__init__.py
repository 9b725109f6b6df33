"""pyqtgraph drawing of chart specs, shared by the window and the headless export."""
