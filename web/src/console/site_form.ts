import { SITE_TIERS, SITE_TYPES, sitePath, type KeySite, type RegistryAnswer } from '../api/circles';
import { tierText, siteTypeName } from './circle_wording';
import type { ConsoleContext } from './context';
import { RegistryForm, type FieldSpec, type RegistryFormHandlers } from './registry_form';
import { sameProfile, siteFieldsOf, siteProfileOf, stationsOf, type SiteFields } from './registry_model';

/** A new site starts as a 3-minute school around the clock; the station is to be chosen. */
const NEW_SITE: SiteFields = { id: '', name: '', type: 'school', tier: '180', station: '', lat: '', lon: '', hours: '' };

/** The station select: "choose one" first, then the city's stations in the interface language. */
export function stationOptions(ctx: ConsoleContext): { value: string; label: string }[] {
  return [{ value: '', label: ctx.tr('registry.chooseStation') }, ...stationsOf(ctx.org.values()).map((s) => ({ value: s.code, label: ctx.orgName(s.code) }))];
}

/**
 * The form that registers a key site (`POST /api/v1/sites {site, profile}`) or, given one,
 * replaces its profile (`POST /api/v1/sites/{site}/profile {profile}`): code, name, type,
 * tier (1, 3 or 5 minutes), responsible station, position and opening hours.
 */
export function siteForm(ctx: ConsoleContext, site: KeySite | null, handlers: RegistryFormHandlers): RegistryForm {
  const tr = ctx.tr.bind(ctx);
  const fields: FieldSpec[] = [
    { name: 'id', label: 'registry.field.id', hint: 'registry.field.idHint' },
    { name: 'name', label: 'registry.field.name' },
    { name: 'type', label: 'registry.field.type', options: () => SITE_TYPES.map((t) => ({ value: t, label: siteTypeName(tr, t) })) },
    { name: 'tier', label: 'registry.field.tier', options: () => SITE_TIERS.map((s) => ({ value: String(s), label: tierText(tr, s) })) },
    { name: 'station', label: 'registry.field.station', options: () => stationOptions(ctx) },
    { name: 'hours', label: 'registry.field.hours', hint: 'registry.field.hoursHint' },
    // Latitude and longitude side by side, the map pick under them.
    { name: 'lat', label: 'registry.field.lat', inputMode: 'decimal' },
    { name: 'lon', label: 'registry.field.lon', inputMode: 'decimal' },
  ];
  const values = site ? siteFieldsOf(site.id, site.profile) : NEW_SITE;
  return new RegistryForm(
    ctx,
    {
      kind: 'site',
      title: () => (site ? ctx.tr('registry.editSite', { id: site.id }) : ctx.tr('registry.newSite')),
      fields,
      values: { ...values },
      editing: site !== null,
      submit: site ? 'registry.save' : 'registry.register',
      unchanged: (typed) => site !== null && sameProfile(site.profile, siteProfileOf(typed as unknown as SiteFields)),
      send: async (typed) => {
        const profile = siteProfileOf(typed as unknown as SiteFields);
        if (site) {
          await ctx.http.post<RegistryAnswer>(sitePath(site.id, 'profile'), { profile });
          return ctx.tr('registry.updated', { name: profile.name, id: site.id });
        }
        const id = (typed.id ?? '').trim();
        await ctx.http.post<RegistryAnswer>('/api/v1/sites', { site: id, profile });
        return ctx.tr('registry.registered', { name: profile.name, id });
      },
    },
    handlers,
  );
}
