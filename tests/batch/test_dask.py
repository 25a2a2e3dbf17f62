"""The same batch on a Dask LocalCluster gives the same outputs as a local run."""

from __future__ import annotations

import pytest

from corpus_align.batch import run_batch
from tests.batch.test_batch import _outputs


def test_batch_on_a_dask_cluster_matches_a_local_run(release, tmp_path):
    distributed = pytest.importorskip("distributed")
    run_batch(release, tmp_path / "local", workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        report = run_batch(release, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert report.done == 4 and report.failed == 1
    assert _outputs(tmp_path / "local") == _outputs(tmp_path / "dask")
