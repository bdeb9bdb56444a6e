/**
 * The demo's projects, outcomes and programme (data/demo/projects.json, data/demo/programmes.json),
 * loaded through the real services. Sourced records are isDemo=false; outcomes and measures without
 * a source are isDemo=true and shown as illustrative. Loading twice adds nothing. Measures link to
 * demo activities when those are loaded (data/demo/activities.json); a missing one is skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MeasureCreateSchema, ProgrammeCreateSchema } from '../../shared/schemas/programme.js';
import { OutcomeCreateSchema, ProjectCreateSchema } from '../../shared/schemas/project.js';
import { selectPartnershipIdByNames } from '../activities/activity.repo.js';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { createMeasure } from '../programmes/measure.service.js';
import { selectActivityIdOn, selectProgrammeByCode } from '../programmes/programme.repo.js';
import { createProgramme } from '../programmes/programme.service.js';
import { createOutcome } from './outcome.service.js';
import { selectProjectIdByName } from './project.repo.js';
import { createProject } from './project.service.js';

const PairSchema = z.object({ cn: z.string(), partner: z.string() });

const ProjectsFileSchema = z.object({
  about: z.string(),
  projects: z.array(
    z
      .object({
        key: z.string(),
        cnCode: z.string(),
        nameZh: z.string(),
        partnerships: z.array(PairSchema).default([]),
        outcomes: z.array(z.object({ isDemo: z.boolean() }).loose()).default([]),
      })
      .loose(),
  ),
});

const ProgrammesFileSchema = z.object({
  about: z.string(),
  programme: z.object({ isDemo: z.boolean() }).loose(),
  measures: z.array(
    z
      .object({
        area: z.string(),
        projects: z.array(z.string()).default([]),
        activities: z.array(PairSchema.extend({ occurredOn: z.string() })).default([]),
      })
      .loose(),
  ),
});

export type DemoProjectsSummary = {
  projects: number;
  outcomes: number;
  programmes: number;
  measures: number;
  /** Activity links left out because the activity is not in the database. */
  missingActivities: number;
};

function read(dataDir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
}

export async function loadDemoProjects({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoProjectsSummary> {
  const actor = systemActor('demo');
  const summary: DemoProjectsSummary = { projects: 0, outcomes: 0, programmes: 0, measures: 0, missingActivities: 0 };
  const projectsFile = ProjectsFileSchema.parse(read(dataDir, 'projects.json'));
  const programmesFile = ProgrammesFileSchema.parse(read(dataDir, 'programmes.json'));

  const projectIds = new Map<string, number>();
  for (const entry of projectsFile.projects) {
    const { key, partnerships, outcomes, ...rest } = entry;
    const existing = await selectProjectIdByName(db, entry.cnCode, entry.nameZh);
    if (existing !== undefined) {
      projectIds.set(key, existing);
      continue;
    }
    const partnershipIds: number[] = [];
    for (const pair of partnerships) {
      const id = await selectPartnershipIdByNames(db, pair.cn, pair.partner);
      if (id === undefined)
        throw new Error(`data/demo/projects.json: no demo partnership of ${pair.cn} with ${pair.partner}`);
      partnershipIds.push(id);
    }
    const input = ProjectCreateSchema.parse({ ...rest, partnershipIds });
    const project = await createProject({ db, actor, input });
    projectIds.set(key, project.id);
    summary.projects += 1;
    for (const { isDemo, ...outcome } of outcomes) {
      await createOutcome({ db, actor, projectId: project.id, input: OutcomeCreateSchema.parse(outcome), isDemo });
      summary.outcomes += 1;
    }
  }

  const { isDemo, ...programmeInput } = programmesFile.programme;
  if (await selectProgrammeByCode(db, String(programmeInput.code))) return summary;
  const programme = await createProgramme({ db, actor, input: ProgrammeCreateSchema.parse(programmeInput), isDemo });
  summary.programmes += 1;
  for (const entry of programmesFile.measures) {
    const { area, projects, activities, ...rest } = entry;
    const areaId = programme.areas.find((a) => a.code === area)?.id;
    if (areaId === undefined) throw new Error(`data/demo/programmes.json: no area ${area}`);
    const activityIds: number[] = [];
    for (const a of activities) {
      const partnershipId = await selectPartnershipIdByNames(db, a.cn, a.partner);
      const activityId =
        partnershipId === undefined ? undefined : await selectActivityIdOn(db, partnershipId, a.occurredOn);
      if (activityId === undefined) summary.missingActivities += 1;
      else activityIds.push(activityId);
    }
    const linkedProjects = projects.map((key) => {
      const id = projectIds.get(key);
      if (id === undefined) throw new Error(`data/demo/programmes.json: no project ${key}`);
      return id;
    });
    const input = MeasureCreateSchema.parse({ ...rest, areaId, activityIds, projectIds: linkedProjects });
    await createMeasure({ db, actor, programmeId: programme.id, input, isDemo: true });
    summary.measures += 1;
  }
  return summary;
}
