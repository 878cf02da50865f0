// Settings, live: a change stored by the popup, or by "I know them" in any tab, goes to the core
// and every card on the page is judged again, without a reload.
(() => {
  'use strict';

  const { api, state } = vetted;

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    const settings = changes.settings.newValue;
    const { core, coreClient, scheduler } = vetted;
    if (!core) {
      coreClient.changedEarly(settings);
      return;
    }
    scheduler.after(async () => {
      coreClient.reportProblems(await core.configure(settings));
      state.generation += 1;
      state.fullScan = true;
      scheduler.schedule();
    });
  });
})();
