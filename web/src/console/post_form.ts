import { POST_KINDS, postPath, type Post, type RegistryAnswer } from '../api/circles';
import { postKindName } from './circle_wording';
import type { ConsoleContext } from './context';
import { RegistryForm, type FieldSpec, type RegistryFormHandlers } from './registry_form';
import { postFieldsOf, postProfileOf, sameProfile, type PostFields } from './registry_model';
import { stationOptions } from './site_form';

const NEW_POST: PostFields = { id: '', name: '', kind: 'post', station: '', lat: '', lon: '' };

/**
 * The form that registers a post, PTU patrol area or checkpoint (`POST /api/v1/posts {post,
 * profile}`) or, given one, replaces its profile (`POST /api/v1/posts/{post}/profile`): code,
 * name, kind, station and position (a patrol area's centre).
 */
export function postForm(ctx: ConsoleContext, post: Post | null, handlers: RegistryFormHandlers): RegistryForm {
  const tr = ctx.tr.bind(ctx);
  const fields: FieldSpec[] = [
    { name: 'id', label: 'registry.field.id', hint: 'registry.field.idHint' },
    { name: 'name', label: 'registry.field.name' },
    { name: 'kind', label: 'registry.field.kind', options: () => POST_KINDS.map((k) => ({ value: k, label: postKindName(tr, k) })) },
    { name: 'station', label: 'registry.field.station', options: () => stationOptions(ctx) },
    { name: 'lat', label: 'registry.field.lat', inputMode: 'decimal' },
    { name: 'lon', label: 'registry.field.lon', inputMode: 'decimal' },
  ];
  const values = post ? postFieldsOf(post.id, post.profile) : NEW_POST;
  return new RegistryForm(
    ctx,
    {
      kind: 'post',
      title: () => (post ? ctx.tr('registry.editPost', { id: post.id }) : ctx.tr('registry.newPost')),
      fields,
      values: { ...values },
      editing: post !== null,
      submit: post ? 'registry.save' : 'registry.register',
      unchanged: (typed) => post !== null && sameProfile(post.profile, postProfileOf(typed as unknown as PostFields)),
      send: async (typed) => {
        const profile = postProfileOf(typed as unknown as PostFields);
        if (post) {
          await ctx.http.post<RegistryAnswer>(postPath(post.id, 'profile'), { profile });
          return ctx.tr('registry.updated', { name: profile.name, id: post.id });
        }
        const id = (typed.id ?? '').trim();
        await ctx.http.post<RegistryAnswer>('/api/v1/posts', { post: id, profile });
        return ctx.tr('registry.registered', { name: profile.name, id });
      },
    },
    handlers,
  );
}
