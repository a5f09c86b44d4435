/**
 * Code loaded when it is first used: each page, the print views, the import
 * wizard and the charts are chunks of their own (vite splits at every
 * `import()`), so the first screen loads little. While a chunk loads, a
 * spinner says 正在加载…; if it cannot be loaded (a file missing after an
 * update), the user is told so and can reload.
 */
import { Alert, Button, Spin } from 'antd';
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/**
 * `name` exported by the module `load` imports, as a component drawn once the module is there.
 * The component keeps its own props type (generic components too).
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the real props come back through M[K]
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as M[K];
}

/** The loading state: in the page's place, or over the window (a dialog or a print preview on its way). */
export function Loading({ overlay = false }: { overlay?: boolean }) {
  return (
    <div className={overlay ? 'lazy-loading lazy-overlay' : 'lazy-loading'} role="status" aria-label="正在加载">
      {/* A short delay: a chunk read from the disk in a few ms shows no flash. */}
      <Spin size="large" delay={120} description="正在加载…" />
    </div>
  );
}

/** What a failed `import()` rejects with (Chromium: TypeError 'Failed to fetch dynamically imported module'). */
const isLoadError = (err: unknown) =>
  err instanceof Error && /dynamically imported module|Importing a module script failed|preload/i.test(err.message);

/** A chunk that cannot be loaded is said so; any other error goes on up, as it would without this boundary. */
class LoadFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!isLoadError(error)) throw error;
    return (
      <div className="page">
        <Alert
          type="warning"
          showIcon
          message="这部分界面没能加载"
          description="程序文件可能不完整。请重新加载；如仍不行，请重新安装联席通（数据不受影响）。"
          action={
            <Button type="primary" onClick={() => window.location.reload()}>
              重新加载
            </Button>
          }
        />
      </div>
    );
  }
}

/** Draws `children` (lazy components inside) with the loading state until their code is there. */
export function Lazy({ children, overlay = false }: { children: ReactNode; overlay?: boolean }) {
  return (
    <LoadFailure>
      <Suspense fallback={<Loading overlay={overlay} />}>{children}</Suspense>
    </LoadFailure>
  );
}

/** True from the first time `open` is true. */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/**
 * `name` exported by the module `load` imports, a dialog that is always mounted (`open` or not): its code is
 * loaded when it is first opened, and from then on it stays mounted as before (its closing animation, its state).
 * Same props as the dialog itself.
 */
export function lazyDialog<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const Loaded = lazyNamed(load, name) as ComponentType<{ open: boolean }>;
  function LazyDialog(props: { open: boolean }) {
    const opened = useOpenedOnce(props.open);
    if (!opened) return null;
    return (
      <Lazy overlay>
        <Loaded {...props} />
      </Lazy>
    );
  }
  return LazyDialog as M[K];
}
