/**
 * Database drivers are optional peer dependencies: a site that only embeds the widget never
 * installs them, and a collector needs only the one for its storage.
 */
export async function loadDriver<T>(name: string, purpose: string): Promise<T> {
  try {
    const module = (await import(name)) as { default?: T };
    return (module.default ?? module) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(`${purpose} needs the "${name}" package: npm install ${name === 'better-sqlite3' ? 'better-sqlite3@12' : name}`);
    throw error;
  }
}
