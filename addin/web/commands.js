// FunctionFile of the manifest: the ribbon button only opens the task pane, so Office needs nothing but initialisation.
if (window.Office) Office.onReady(function () {});
