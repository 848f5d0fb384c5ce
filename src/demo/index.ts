// Demo: a seed's live registry with synthetic people, so a newcomer can click through its story.
export { demoPeople, type DemoPerson } from './demo.people.ts';
export { seedDemo } from './demo.seed.ts';

/** The live registry of each seed. */
export const DEMO_REGISTRIES: Record<string, string> = {
  '000': 'examples/000-broker.live.yaml',
  '001': 'examples/001-cybozu-shanghai.live.yaml',
  '002': 'examples/002-wework-labs.live.yaml',
  '003': 'examples/003-online-shop.live.yaml',
  '004': 'examples/004-kr-marketplace.live.yaml',
};
