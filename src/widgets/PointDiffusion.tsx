/**
 * Generation with a real, trained diffusion model: pick a prompt, a sampler, the number of steps and the guidance
 * scale, and watch 1,000 points of pure noise turn into a drawing, one denoising step per frame. A thin view over
 * src/lib/point-diffusion.ts; the weights (trained by `npm run train:diffusion`) load when the widget is first seen.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  decodeDenoiser,
  generate,
  parameterCount,
  type Denoiser,
  type DenoiserFile,
  type GenerationFrame,
  type Sampler,
} from '../lib/point-diffusion';
import { generatedShare, POINT_CLASSES, referenceClouds, type PointClass } from '../lib/point-shapes';
import RangeControl from './RangeControl';
import SeedControl from './SeedControl';
import { useEarlyInput } from './early-input';
import './diffusion.css';

const POINTS = 1000;
const PLOT_SIZE = 320;
/** The drawing's coordinates run from about −1 to 1; leave a margin for stray points. */
const PLOT_RANGE = 1.4;

type Status =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready' }
  | { kind: 'running' }
  | { kind: 'done'; milliseconds: number; share: number };

export default function PointDiffusion() {
  const id = useId();
  const [model, setModel] = useState<Denoiser | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [prompt, setPrompt] = useState('cat');
  /** The prompt of the frames on show, which stays put while the learner picks the next one. */
  const [sampledPrompt, setSampledPrompt] = useState(prompt);
  const [sampler, setSampler] = useState<Sampler>('ddim');
  const [steps, setSteps] = useState(50);
  const [guidance, setGuidance] = useState(3);
  const [seed, setSeed] = useState(1);
  const [showData, setShowData] = useState(false);
  const [frames, setFrames] = useState<GenerationFrame[]>([]);
  const [shown, setShown] = useState(0);
  const run = useRef(0);
  const root = useRef<HTMLElement>(null);
  // Generate waits for the weights anyway, so the buttons need nothing more.
  useEarlyInput(root);

  useEffect(() => {
    import('../lib/point-diffusion-weights.json')
      .then((file) => {
        setModel(decodeDenoiser(file.default as DenoiserFile));
        setStatus({ kind: 'ready' });
      })
      .catch(() => setStatus({ kind: 'failed' }));
  }, []);

  // Cancel a running generation when the widget goes away.
  useEffect(() => () => void (run.current += 1), []);

  const start = (withSeed: number) => {
    if (!model) return;
    const current = ++run.current;
    const options = { prompt, points: POINTS, steps, sampler, guidance, seed: withSeed };
    setSampledPrompt(prompt);
    const frameSource = generate(model, options);
    const collected: GenerationFrame[] = [];
    const began = performance.now();
    setStatus({ kind: 'running' });
    // One denoising step per animation frame: the page stays responsive and the student sees every step.
    const next = () => {
      if (current !== run.current) return;
      const { value, done } = frameSource.next();
      if (done) {
        const last = collected[collected.length - 1] as GenerationFrame;
        const milliseconds = performance.now() - began;
        setStatus({ kind: 'done', milliseconds, share: generatedShare(last.points, prompt, model.classes) });
        return;
      }
      collected.push(value);
      setFrames([...collected]);
      setShown(collected.length - 1);
      requestAnimationFrame(next);
    };
    next();
  };

  const frame = frames[shown];
  const busy = status.kind === 'running';
  return (
    <section class="diffusion diffusion--generate" aria-labelledby={`${id}-title`} ref={root}>
      <h3 id={`${id}-title`} class="diffusion__title">
        Try it: generate from noise with a trained model
      </h3>
      <p class="diffusion__message">
        A small network{model ? ` (${parameterCount(model).toLocaleString('en')} numbers)` : ''}, trained by this course
        on point drawings of a cat, a computer and a cloud, predicts the noise in each of {POINTS.toLocaleString('en')}{' '}
        random points. Removing it step by step, steered by your prompt, draws a new sample. It runs in your browser.
      </p>
      <div class="diffusion__controls">
        <label>
          <span>Prompt</span>
          <select value={prompt} onChange={(event) => setPrompt(event.currentTarget.value)}>
            {(model?.classes ?? POINT_CLASSES).map((name) => (
              <option value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Sampler</span>
          <select value={sampler} onChange={(event) => setSampler(event.currentTarget.value as Sampler)}>
            <option value="ddim">DDIM: no new noise</option>
            <option value="ddpm">DDPM: fresh noise each step</option>
          </select>
        </label>
        <RangeControl id={`${id}-steps`} label="Steps" min={5} max={200} step={5} value={steps} onChange={setSteps} />
        <RangeControl
          id={`${id}-guidance`}
          label="Guidance scale"
          max={6}
          step={0.5}
          value={guidance}
          onChange={setGuidance}
        />
        <SeedControl label="Seed" value={seed} onChange={setSeed} />
      </div>
      <div class="diffusion__buttons diffusion__generate">
        <button type="button" class="button" disabled={!model || busy} onClick={() => start(seed)}>
          Generate
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={!model || busy}
          onClick={() => {
            setSeed(seed + 1);
            start(seed + 1);
          }}
        >
          Generate again (new noise)
        </button>
        <label class="diffusion__check">
          <input type="checkbox" checked={showData} onChange={(event) => setShowData(event.currentTarget.checked)} />
          Show the training drawing
        </label>
      </div>
      <p class="diffusion__message" role="status">
        {describe(status, frame, sampledPrompt)}
      </p>
      {frames.length > 1 && !busy && (
        <div class="diffusion__time">
          <label for={`${id}-frame`}>
            Replay: step <output for={`${id}-frame`}>{shown}</output> of {frames.length - 1}
          </label>
          <input
            id={`${id}-frame`}
            type="range"
            min="0"
            max={frames.length - 1}
            step="1"
            value={shown}
            onInput={(event) => setShown(Number(event.currentTarget.value))}
          />
        </div>
      )}
      <PointPlot
        points={frame?.points}
        reference={showData ? referenceClouds[(frame ? sampledPrompt : prompt) as PointClass] : undefined}
        label={
          frame
            ? `${POINTS.toLocaleString('en')} points at step ${frame.step} of ${frame.total} (t = ${frame.t}), prompt "${sampledPrompt}"`
            : 'Nothing generated yet'
        }
      />
    </section>
  );
}

/** The page's light or dark theme, so the plot redraws in the new colours when the learner switches. */
function useTheme() {
  const [theme, setTheme] = useState<string>();
  useEffect(() => {
    setTheme(document.documentElement.dataset.theme);
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

function describe(status: Status, frame: GenerationFrame | undefined, prompt: string) {
  switch (status.kind) {
    case 'loading':
      return 'Loading the trained model…';
    case 'failed':
      return 'The trained model could not be loaded. Reload the page to try again.';
    case 'ready':
      return 'Choose a prompt and press Generate.';
    case 'running':
      return frame ? `Denoising: step ${frame.step} of ${frame.total} (t = ${frame.t}).` : 'Starting from pure noise…';
    case 'done':
      return (
        `Done in ${(status.milliseconds / 1000).toFixed(1)} s. ${Math.round(status.share * 100)}% of the points lie ` +
        `closer to the ${prompt} drawing than to the others.`
      );
  }
}

function PointPlot({
  points,
  reference,
  label,
}: {
  points: Float64Array | undefined;
  reference: Float64Array | undefined;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !canvas.current) return;
    const style = getComputedStyle(canvas.current);
    context.clearRect(0, 0, PLOT_SIZE, PLOT_SIZE);
    const toPixel = (value: number) => ((value + PLOT_RANGE) / (2 * PLOT_RANGE)) * PLOT_SIZE;
    // One path and one fill per cloud: a thousand dots redrawn every animation frame.
    const draw = (cloud: Float64Array, colour: string, radius: number) => {
      context.fillStyle = colour;
      context.beginPath();
      for (let i = 0; i < cloud.length; i += 2) {
        const x = toPixel(cloud[i] as number);
        const y = PLOT_SIZE - toPixel(cloud[i + 1] as number);
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, 2 * Math.PI);
      }
      context.fill();
    };
    if (reference) draw(reference, style.getPropertyValue('--muted') || 'grey', 1);
    if (points) draw(points, style.getPropertyValue('--accent') || 'blue', 1.6);
  }, [points, reference, theme]);
  return (
    <figure class="diffusion__picture diffusion__plot">
      <canvas ref={canvas} width={PLOT_SIZE} height={PLOT_SIZE} role="img" aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
