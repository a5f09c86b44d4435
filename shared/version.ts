/** The app's version, shown in 关于 and written into exports. A unit test keeps it equal to package.json. */
export const APP_VERSION = '0.1.0';
export const APP_NAME = '联席通';
