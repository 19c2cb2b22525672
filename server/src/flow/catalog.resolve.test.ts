import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from './catalog';

// Reference §9.1: every core task and trigger type, with its aliases.
const CORE_TYPES: Record<string, string[]> = {
  'io.kestra.plugin.core.log.Log': ['io.kestra.core.tasks.log.Log'],
  'io.kestra.plugin.core.log.Fetch': ['io.kestra.core.tasks.log.Fetch'],
  'io.kestra.plugin.core.log.PurgeLogs': [],
  'io.kestra.plugin.core.debug.Return': ['io.kestra.core.tasks.debugs.Return'],
  'io.kestra.plugin.core.debug.Echo': ['io.kestra.core.tasks.debugs.Echo'],
  'io.kestra.plugin.core.output.OutputValues': [],
  'io.kestra.plugin.core.http.Request': ['io.kestra.plugin.fs.http.Request'],
  'io.kestra.plugin.core.http.Download': ['io.kestra.plugin.fs.http.Download'],
  'io.kestra.plugin.core.http.Trigger': ['io.kestra.plugin.fs.http.Trigger'],
  'io.kestra.plugin.core.flow.Sequential': ['io.kestra.core.tasks.flows.Sequential'],
  'io.kestra.plugin.core.flow.Parallel': ['io.kestra.core.tasks.flows.Parallel'],
  'io.kestra.plugin.core.flow.If': ['io.kestra.core.tasks.flows.If'],
  'io.kestra.plugin.core.flow.Switch': ['io.kestra.core.tasks.flows.Switch'],
  'io.kestra.plugin.core.flow.ForEach': [],
  'io.kestra.plugin.core.flow.EachSequential': ['io.kestra.core.tasks.flows.EachSequential'],
  'io.kestra.plugin.core.flow.EachParallel': ['io.kestra.core.tasks.flows.EachParallel'],
  'io.kestra.plugin.core.flow.Dag': ['io.kestra.core.tasks.flows.Dag'],
  'io.kestra.plugin.core.flow.AllowFailure': ['io.kestra.core.tasks.flows.AllowFailure'],
  'io.kestra.plugin.core.flow.Pause': ['io.kestra.core.tasks.flows.Pause'],
  'io.kestra.plugin.core.flow.Sleep': [],
  'io.kestra.plugin.core.flow.WaitFor': [],
  'io.kestra.plugin.core.flow.Subflow': [
    'io.kestra.core.tasks.flows.Subflow',
    'io.kestra.core.tasks.flows.Flow',
  ],
  'io.kestra.plugin.core.flow.ForEachItem': ['io.kestra.core.tasks.flows.ForEachItem'],
  'io.kestra.plugin.core.flow.WorkingDirectory': [
    'io.kestra.core.tasks.flows.WorkingDirectory',
    'io.kestra.core.tasks.flows.Worker',
  ],
  'io.kestra.plugin.core.flow.Template': ['io.kestra.core.tasks.flows.Template'],
  'io.kestra.plugin.core.execution.Fail': ['io.kestra.core.tasks.executions.Fail'],
  'io.kestra.plugin.core.execution.Labels': ['io.kestra.core.tasks.executions.Labels'],
  'io.kestra.plugin.core.execution.Count': ['io.kestra.core.tasks.executions.Counts'],
  'io.kestra.plugin.core.execution.PurgeExecutions': [
    'io.kestra.core.tasks.storages.Purge',
    'io.kestra.plugin.core.storage.Purge',
  ],
  'io.kestra.plugin.core.execution.Resume': [],
  'io.kestra.plugin.core.kv.Set': [],
  'io.kestra.plugin.core.kv.Get': [],
  'io.kestra.plugin.core.kv.GetKeys': [],
  'io.kestra.plugin.core.kv.Delete': [],
  'io.kestra.plugin.core.storage.Concat': ['io.kestra.core.tasks.storages.Concat'],
  'io.kestra.plugin.core.storage.Delete': ['io.kestra.core.tasks.storages.Delete'],
  'io.kestra.plugin.core.storage.Size': ['io.kestra.core.tasks.storages.Size'],
  'io.kestra.plugin.core.storage.Reverse': ['io.kestra.core.tasks.storages.Reverse'],
  'io.kestra.plugin.core.storage.Split': ['io.kestra.core.tasks.storages.Split'],
  'io.kestra.plugin.core.storage.FilterItems': ['io.kestra.core.tasks.storages.FilterItems'],
  'io.kestra.plugin.core.storage.DeduplicateItems': ['io.kestra.core.tasks.storages.DeduplicateItems'],
  'io.kestra.plugin.core.storage.LocalFiles': ['io.kestra.core.tasks.storages.LocalFiles'],
  'io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles': [
    'io.kestra.core.tasks.storages.PurgeExecution',
    'io.kestra.plugin.core.storage.PurgeExecution',
  ],
  'io.kestra.plugin.core.state.Get': ['io.kestra.core.tasks.states.Get'],
  'io.kestra.plugin.core.state.Set': ['io.kestra.core.tasks.states.Set'],
  'io.kestra.plugin.core.state.Delete': ['io.kestra.core.tasks.states.Delete'],
  'io.kestra.plugin.core.namespace.UploadFiles': [],
  'io.kestra.plugin.core.namespace.DownloadFiles': [],
  'io.kestra.plugin.core.namespace.DeleteFiles': [],
  'io.kestra.plugin.core.templating.TemplatedTask': ['io.kestra.core.tasks.templating.TemplatedTask'],
  'io.kestra.plugin.core.trigger.Toggle': ['io.kestra.core.tasks.trigger.Toggle'],
  'io.kestra.plugin.core.trigger.Schedule': ['io.kestra.core.models.triggers.types.Schedule'],
  'io.kestra.plugin.core.trigger.Flow': ['io.kestra.core.models.triggers.types.Flow'],
  'io.kestra.plugin.core.trigger.Webhook': ['io.kestra.core.models.triggers.types.Webhook'],
  'io.kestra.plugin.core.trigger.ScheduleOnDates': [],
};

const catalog = PluginCatalog.bundled();

describe('PluginCatalog.resolve', () => {
  it('resolves every core type of the reference to itself', () => {
    for (const type of Object.keys(CORE_TYPES)) {
      const resolved = catalog.resolve(type);
      assert.ok(resolved, `${type} does not resolve`);
      assert.deepEqual(
        { type: resolved.spec.type, viaAlias: resolved.viaAlias, caseDiffers: resolved.caseDiffers },
        { type, viaAlias: false, caseDiffers: false },
      );
    }
  });

  it('resolves every alias of the reference to its canonical type, and lists it', () => {
    for (const [type, aliases] of Object.entries(CORE_TYPES)) {
      assert.deepEqual([...catalog.resolve(type)!.spec.aliases].sort(), [...aliases].sort(), type);
      for (const alias of aliases) {
        const resolved = catalog.resolve(alias);
        assert.equal(resolved?.spec.type, type, alias);
        assert.equal(resolved?.viaAlias, true, alias);
        assert.equal(resolved?.caseDiffers, false, alias);
      }
    }
  });

  it('matches types case-insensitively and says when the case differs', () => {
    const lower = catalog.resolve('io.kestra.plugin.core.log.log');
    assert.equal(lower?.spec.type, 'io.kestra.plugin.core.log.Log');
    assert.equal(lower?.caseDiffers, true);
    assert.equal(lower?.viaAlias, false);
    const alias = catalog.resolve('IO.KESTRA.CORE.TASKS.FLOWS.FLOW');
    assert.equal(alias?.spec.type, 'io.kestra.plugin.core.flow.Subflow');
    assert.deepEqual([alias?.viaAlias, alias?.caseDiffers], [true, true]);
  });

  it('returns undefined for unknown types', () => {
    assert.equal(catalog.resolve('io.kestra.plugin.core.flows.Switch'), undefined);
    assert.equal(catalog.resolve(''), undefined);
    assert.equal(catalog.resolve('io.kestra.plugin.scripts.shell.Commands'), undefined);
  });

  it('lists plugins by kind, sorted, canonical names only', () => {
    const tasks = catalog.plugins('task').map((p) => p.type);
    const triggers = catalog.plugins('trigger').map((p) => p.type);
    assert.deepEqual(tasks, [...tasks].sort());
    assert.equal(tasks.length, 50);
    assert.deepEqual(triggers, [
      'io.kestra.plugin.core.http.Trigger',
      'io.kestra.plugin.core.trigger.Flow',
      'io.kestra.plugin.core.trigger.Schedule',
      'io.kestra.plugin.core.trigger.ScheduleOnDates',
      'io.kestra.plugin.core.trigger.Webhook',
    ]);
    assert.equal(catalog.plugins('condition').length, 18);
    assert.deepEqual(
      catalog.plugins('taskRunner').map((p) => p.type),
      ['io.kestra.plugin.core.runner.Process'],
    );
    const expectedTasks = Object.keys(CORE_TYPES).filter((t) => !triggers.includes(t));
    assert.deepEqual(tasks, expectedTasks.sort());
  });

  it('resolves condition aliases, both old spellings', () => {
    assert.equal(
      catalog.resolve('io.kestra.core.models.conditions.types.VariableCondition')?.spec.type,
      'io.kestra.plugin.core.condition.Expression',
    );
    assert.equal(
      catalog.resolve('io.kestra.plugin.core.condition.ExecutionStatusCondition')?.spec.type,
      'io.kestra.plugin.core.condition.ExecutionStatus',
    );
    assert.equal(
      catalog.resolve('io.kestra.core.models.conditions.types.MultipleCondition')?.spec.type,
      'io.kestra.plugin.core.condition.MultipleCondition',
    );
  });

  it('builds the bundled catalog once', () => {
    assert.equal(PluginCatalog.bundled(), catalog);
    assert.equal(catalog.source, 'bundled');
  });
});
