// Preview page: reload when a tutorial file changes (server-sent events from the preview server).
new EventSource('/__preview/events').addEventListener('message', (event) => {
  if (event.data === 'reload') location.reload();
});
