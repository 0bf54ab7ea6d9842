import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main style={{ fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif', padding: 24 }}>
      <h1>执法体检工作台</h1>
      <p>Tijian — 行政执法“全方位体检式”评估工作台</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
