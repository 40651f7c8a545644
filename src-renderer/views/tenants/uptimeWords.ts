// DigitalOcean's uptime probe regions in words.
const REGION_WORDS: Record<string, string> = {
  us_east: 'US East',
  us_west: 'US West',
  eu_west: 'EU West',
  se_asia: 'SE Asia',
};

export const regionWords = (region: string): string => REGION_WORDS[region] ?? region;
