// memo-leak/no-shared-method-memoizer in plain JavaScript: prototype assignments on an ES class
// and a constructor function, and a Vue options-API component.
import memoize from 'memoizee';
import fastMemoize from 'fast-memoize';

export class Chart {
  constructor(points) {
    this.points = points;
  }
}

// One memoizee cache for every Chart: the first chart's path is served to the others.
Chart.prototype.path = memoize(function (width) {
  return this.points.map((y, x) => `${(x * width) / this.points.length},${y}`).join(' ');
});

export function Legend(labels) {
  this.labels = labels;
}

// fast-memoize calls the function without `this`: `this.labels` is undefined here.
Legend.prototype.text = fastMemoize(function (separator) {
  return this.labels.join(separator);
});
