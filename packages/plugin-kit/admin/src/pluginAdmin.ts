/**
 * A plugin's admin entry: its menu links, each opening one page that is loaded when first visited,
 * its home-page widgets, and its strings. Whoever lacks a link's or a widget's permissions does not
 * see it; the page, the widget and the server check again.
 */
import type { ComponentType, ElementType } from 'react';
import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
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

/**
 * A widget of the admin's home page (Strapi's `app.widgets.register`), named by its id within the
 * plugin; its title heads it, its link leads to the page with more, and its component is imported
 * dynamically like a page. Qabilet's widgets stand before Strapi's stock ones (profile, last
 * entries): staff land on their own figures.
 */
export type HomeWidget = Omit<WidgetArgs, 'pluginId' | 'roles' | 'icon'> & { icon: NonNullable<WidgetArgs['icon']> };

type Entry = { id: string; links: PageLink[]; widgets?: HomeWidget[]; registerTrads: ReturnType<typeof registerTrads> };

export function pluginAdmin({ id, links, widgets = [], registerTrads }: Entry) {
  return {
    register(app: StrapiApp) {
      for (const { to = `plugins/${id}`, icon, label, permissions, page } of links) {
        app.addMenuLink({ to, icon, intlLabel: label, permissions, Component: () => page().then((Page) => ({ default: Page })) });
      }
      if (widgets.length > 0) app.widgets.register((registered) => [...widgets.map((widget) => ({ ...widget, pluginId: id })), ...registered]);
      app.registerPlugin({ id, name: id });
    },
    registerTrads,
  };
}
