"""The parse-and-extract stage on a Dask cluster (``kg build --engine dask``).

Each worker process loads the spaCy pipeline once (``load_pipeline`` is cached per
process) and runs :func:`kg.pipeline.extract_batch` on batches of documents. What
crosses the network: each batch's ``Document`` records (name, text, title, date,
hash) to a worker, and its ``DocumentFacts`` (mentions and facts, with the text)
back to the client, which merges and writes the graph as the local engine does.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.documents import Document, SkippedFile
from kg.extract.records import DocumentFacts


def run_on_dask(
    batches: list[list[Document]],
    model: str | None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[list[DocumentFacts | SkippedFile]]:
    """Results of ``extract_batch`` for each batch, in order.

    With ``scheduler`` (``tcp://host:8786``) the batches go to that cluster; without,
    to a local cluster of ``workers`` single-threaded worker processes.
    """
    from dask.distributed import Client, LocalCluster

    from kg.pipeline import extract_batch

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(workers, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures = client.map(extract_batch, batches, model=model, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
