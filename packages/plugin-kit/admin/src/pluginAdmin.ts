/**
 * A plugin's admin entry: its menu links, each opening one page that is loaded when first visited,
 * and its strings. Whoever lacks a link's permissions does not see it; the page and the server
 * check again.
 */
import type { ComponentType, ElementType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { registerTrads } from './translations';

type MenuLink = Parameters<StrapiApp['addMenuLink']>[0];

export type PageLink = {
  /** Relative to the admin's root; the plugin's own `plugins/<id>` when left out. */
  to?: string;
  icon: ElementType;
  label: { id: string; defaultMessage: string };
  permissions: MenuLink['permissions'];
  /** The page, imported dynamically so that the bundler splits it off. */
  page: () => Promise<ComponentType>;
};

type Entry = { id: string; links: PageLink[]; registerTrads: ReturnType<typeof registerTrads> };

export function pluginAdmin({ id, links, registerTrads }: Entry) {
  return {
    register(app: StrapiApp) {
      for (const { to = `plugins/${id}`, icon, label, permissions, page } of links) {
        app.addMenuLink({ to, icon, intlLabel: label, permissions, Component: () => page().then((Page) => ({ default: Page })) });
      }
      app.registerPlugin({ id, name: id });
    },
    registerTrads,
  };
}
